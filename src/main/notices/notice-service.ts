/** Notices a person must see: kept until acknowledged, listed whenever a window, page or CLI command starts, told live to open windows. */
import type { EmitEvent, NoticeView } from '../../shared/ipc-contract';
import { DATA_LOSS_CODES } from '../domain/notice';

/** Where notices are kept (the inventory). */
export interface NoticeStore {
  add(notice: { level: NoticeView['level']; code: string; message: string }): NoticeView;
  open(): NoticeView[];
  acknowledge(id: number): boolean;
}

export class NoticeService {
  readonly #store: NoticeStore;
  readonly #emit: EmitEvent;

  constructor(store: NoticeStore, emit: EmitEvent) {
    this.#store = store;
    this.#emit = emit;
  }

  /** Keeps a notice until acknowledged and tells the open windows now. */
  raise(level: NoticeView['level'], code: string, message: string): void {
    this.#emit('notice', this.#store.add({ level, code, message }));
  }

  /** Every notice not yet acknowledged, oldest first. */
  list(): NoticeView[] {
    return this.#store.open();
  }

  acknowledge(id: number): { acknowledged: boolean } {
    return { acknowledged: this.#store.acknowledge(id) };
  }

  /** The unacknowledged notices that say inventory data was lost. */
  dataLoss(): NoticeView[] {
    return this.list().filter((n) => n.code !== undefined && DATA_LOSS_CODES.has(n.code));
  }
}
