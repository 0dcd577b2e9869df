/** What only the desktop app can do for the services (a save dialog, the OS file manager); absent in the browser host and the CLI. */

export interface DesktopShell {
  /** Asks where to save (the default name in Downloads) and writes the file readable by this user only; null when the person cancelled. */
  saveFile(fileName: string, content: string): Promise<string | null>;
  /** Shows a file or folder in the OS file manager. */
  showInFolder(fullPath: string): void;
}
