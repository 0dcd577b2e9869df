/** Observations of the partner link: what Azure said, for which object, and when. */
import type { DatabaseSync } from 'node:sqlite';
import type { PartnerLinkState } from '../../shared/pal-types';

export class PalRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /** Records one read of the link (null = nothing linked). */
  record(tenantId: string, objectId: string | null, link: PartnerLinkState | null): void {
    this.#db
      .prepare('INSERT INTO pal_links (tenant_id, object_id, partner_id, partner_name, state, etag, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(tenantId, link?.objectId ?? objectId, link?.partnerId ?? null, link?.partnerName ?? null, link?.state ?? null, link?.etag ?? null, this.#now().toISOString());
  }

  /** The last observed partner ID of the tenant (null when none is linked or it was never read). */
  latestPartnerId(tenantId: string): string | null {
    const row = this.#db.prepare('SELECT partner_id, state FROM pal_links WHERE tenant_id = ? ORDER BY id DESC LIMIT 1').get(tenantId) as
      | { partner_id: string | null; state: string | null }
      | undefined;
    return row && row.state !== 'Deleted' ? row.partner_id : null;
  }
}
