/** The attribution checklist of one tenant: what the inventory covers, a verdict filter, and the resources grouped by product. */
import { Card, CardHeader, Field, makeStyles, Select, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PRODUCTS, VERDICTS, type TenantChecklist, type Verdict } from '../../shared/checklist-types';
import { ExportMenu } from '../export/export-menu';
import { attributedShareText } from './attributed-share';
import { PRODUCT_NAMES, VERDICT_NAMES } from './checklist-words';
import { InventoryCoverage } from './inventory-coverage';
import { ResourceChecks } from './resource-checks';

const useStyles = makeStyles({ product: { display: 'grid' }, heading: { margin: `${tokens.spacingVerticalS} 0 0` } });

export function ChecklistSection({ checklist }: { checklist: TenantChecklist | null }) {
  const styles = useStyles();
  const [verdict, setVerdict] = useState<Verdict | 'all'>('all');
  const counts = checklist?.summary.all;
  const share = checklist && attributedShareText(checklist.summary);
  const shown = checklist?.resources.filter((r) => verdict === 'all' || r.verdict === verdict) ?? [];
  return (
    <Card role="region" aria-label="Attribution checklist">
      <CardHeader
        header={<Subtitle2 as="h2">Attribution checklist</Subtitle2>}
        description={checklist && <Text>{share ? `Attributed: ${share}` : 'No Power Platform resources read yet'}</Text>}
        action={checklist ? <ExportMenu what={['checklist']} tenantIds={[checklist.tenantId]} label="Export checklist" /> : undefined}
      />
      {!checklist ? (
        <Text>Loading…</Text>
      ) : (
        <>
          <InventoryCoverage scopes={checklist.scopes} />
          {counts && counts.total > 0 && (
            <Field label="Show">
              <Select value={verdict} onChange={(_, d) => setVerdict(d.value as Verdict | 'all')}>
                <option value="all">All ({counts.total})</option>
                {VERDICTS.map((v) => (
                  <option key={v} value={v}>
                    {VERDICT_NAMES[v]} ({counts[v]})
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {counts && counts.total > 0 && shown.length === 0 && <Text>Nothing is {VERDICT_NAMES[verdict as Verdict].toLowerCase()}.</Text>}
          {PRODUCTS.map((product) => {
            const resources = shown.filter((r) => r.product === product);
            if (resources.length === 0) return null;
            return (
              <section key={product} className={styles.product} aria-label={PRODUCT_NAMES[product]}>
                <Subtitle2 as="h3" className={styles.heading}>
                  {PRODUCT_NAMES[product]}
                </Subtitle2>
                {resources.map((resource) => (
                  <ResourceChecks key={resource.resourceId} resource={resource} />
                ))}
              </section>
            );
          })}
        </>
      )}
    </Card>
  );
}
