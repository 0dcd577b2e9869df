/** Whether Microsoft's cloud answered PAL Desk's last calls, and since when. */

export interface ConnectivityState {
  /** False after a call failed on the network (no answer, refused, timed out); true again at the next answer of any kind. */
  online: boolean;
  /** When the current state began (ISO 8601); null before the first call. */
  since: string | null;
  /** The host that could not be reached, while offline. */
  host: string | null;
}
