/** What a kept notice is about: its codes, and which of them mean data a person relied on is gone. */

export const NOTICE = {
  /** The inventory file was damaged, moved aside and replaced; what could be read was copied over. */
  inventoryDamaged: 'inventory-damaged',
  /** The inventory file was empty (0 bytes) at start: a fresh inventory started. */
  inventoryEmpty: 'inventory-empty',
  /** Another PAL Desk process kept the inventory locked while background work (the queue replay) waited for it. */
  inventoryBusy: 'inventory-busy',
  /** The saved sign-ins could not be read and were set aside. */
  tokenCacheReset: 'token-cache-reset',
  /** A person chose "forget everything": the inventory, audit log, queued actions, keychain entries and settings were deleted. */
  forgotten: 'forgotten',
} as const;

/** Notices that say inventory data was lost: commands that read the inventory report it until the person acknowledges them. */
export const DATA_LOSS_CODES: ReadonlySet<string> = new Set([NOTICE.inventoryDamaged, NOTICE.inventoryEmpty]);
