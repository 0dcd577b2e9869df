/** Notices a person must see: kept until acknowledged, listed whenever a window, page or CLI command starts, told live to open windows. */
import type { EmitEvent, NoticeView } from '../../shared/ipc-contract';
import { DATA_LOSS_CODES } from '../domain/notice';
import { storageTrouble } from '../inventory/storage-errors';

/** Where notices are kept (the inventory). */
export interface NoticeStore {
  add(notice: { level: NoticeView['level']; code: string; message: string }): NoticeView;
  open(): NoticeView[];
  acknowledge(id: number): boolean;
}

export class NoticeService {
  readonly #store: NoticeStore;
  readonly #emit: EmitEvent;
  /** Notices for this run only: the inventory could not keep them (busy or damaged), so they are listed until the process ends. */
  readonly #unkept: NoticeView[] = [];

  constructor(store: NoticeStore, emit: EmitEvent) {
    this.#store = store;
    this.#emit = emit;
  }

  /** Keeps a notice until acknowledged and tells the open windows now; when the inventory cannot keep it, it is listed for this run. */
  raise(level: NoticeView['level'], code: string, message: string): void {
    let notice: NoticeView;
    try {
      notice = this.#store.add({ level, code, message });
    } catch (error) {
      if (!storageTrouble(error)) throw error;
      return this.tell(level, code, message, { forThisRun: true });
    }
    this.#emit('notice', notice);
  }

  /** Tells the open windows now without keeping it in the inventory; `forThisRun` also lists it until the process ends. */
  tell(level: NoticeView['level'], code: string, message: string, { forThisRun = false } = {}): void {
    const notice: NoticeView = { level, code, message, at: new Date().toISOString() };
    if (forThisRun) this.#unkept.push(notice);
    this.#emit('notice', notice);
  }

  /** Every notice not yet acknowledged, oldest first, then this run's; a damaged inventory's kept notices that no longer read are left out. */
  list(): NoticeView[] {
    let kept: NoticeView[] = [];
    try {
      kept = this.#store.open();
    } catch (error) {
      if (storageTrouble(error) !== 'damaged') throw error;
    }
    return [...kept, ...this.#unkept];
  }

  acknowledge(id: number): { acknowledged: boolean } {
    return { acknowledged: this.#store.acknowledge(id) };
  }

  /** The notices that say inventory data was lost (or is being lost). */
  dataLoss(): NoticeView[] {
    return this.list().filter((n) => n.code !== undefined && DATA_LOSS_CODES.has(n.code));
  }
}
