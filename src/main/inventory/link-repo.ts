/** Observations of the partner link per account: what Azure said, for which object, and when (history is kept). */
import type { DatabaseSync } from 'node:sqlite';
import type { LinkObservation } from '../domain/partner-link';

export class LinkRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /** Records one read of an account's link (link null = nothing linked). */
  record(o: LinkObservation): void {
    const link = o.link;
    this.#db
      .prepare('INSERT INTO pal_links (tenant_id, identity_id, object_id, partner_id, partner_name, state, etag, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(o.tenantId, o.identityId, link?.objectId ?? o.objectId, link?.partnerId ?? null, link?.partnerName ?? null, link?.state ?? null, link?.etag ?? null, this.#now().toISOString());
  }
}
