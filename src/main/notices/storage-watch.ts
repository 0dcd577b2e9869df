/** Background work (the queue replay, the writer lock's heartbeat) meets a busy or damaged inventory: said to the person once per spell, logged, never thrown. */
import { NOTICE } from '../domain/notice';
import type { StorageGuard } from '../inventory/storage-guard';
import { busyInBackground } from '../inventory/storage-errors';
import type { Logger } from '../logger';
import type { NoticeService } from './notice-service';

/** Hears how each turn of a background job ended: null when it went through. */
export type TurnReport = (job: string, error: unknown) => void;

export function watchStorage(o: { storage: StorageGuard; notices: NoticeService; log: Logger }): TurnReport {
  o.storage.onDamaged((message) => {
    o.log.error('storage.damaged');
    o.notices.tell('error', NOTICE.inventoryDamaged, message, { forThisRun: true });
  });
  /** Set while background turns keep finding the file locked: one notice per spell. */
  let busy = false;
  return (job, error) => {
    if (error === null) {
      busy = false;
      return;
    }
    const failure = o.storage.explain(error);
    if (failure?.code === 'inventory-busy') {
      o.log.warn('storage.busy', { job });
      if (!busy) o.notices.tell('warning', NOTICE.inventoryBusy, busyInBackground(o.storage.busyTimeoutMs));
      busy = true;
    } else if (!failure) {
      o.log.error('background.failed', { job, error: error instanceof Error ? error.name : typeof error });
    }
  };
}
