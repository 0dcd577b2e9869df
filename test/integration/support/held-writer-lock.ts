/** The writer lock taken by the test process, for tests that write audit entries or intents straight into an inventory. */
import { hostname } from 'node:os';
import type { Inventory } from '../../../src/main/inventory/inventory';
import type { Fence } from '../../../src/main/inventory/writer-lock-repo';

export function heldWriterLock(inventory: Inventory): Fence {
  const attempt = inventory.writerLock.tryAcquire({ holder: 'A test', pid: process.pid, host: hostname() }, () => true);
  if (!attempt.acquired) throw new Error('The writer lock could not be taken.');
  return { generation: attempt.generation };
}
