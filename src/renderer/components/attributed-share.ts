/** A tenant's attributed share in words: "3 of 9 (33 %)", or null when it has no Power Platform resources read. */
import type { TenantSummary } from '../../shared/checklist-types';

export function attributedShareText(summary: TenantSummary): string | null {
  if (summary.all.total === 0) return null;
  return `${summary.all.attributed} of ${summary.all.total} (${Math.round(summary.attributedShare * 100)} %)`;
}
