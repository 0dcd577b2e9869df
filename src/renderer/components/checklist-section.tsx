/** The attribution checklist of one tenant: verdict chips with counts, and the resources grouped by product. */
import { Card, CardHeader, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PRODUCTS, type TenantChecklist, type Verdict } from '../../shared/checklist-types';
import { ExportMenu } from '../export/export-menu';
import { attributedShareText } from './attributed-share';
import { PRODUCT_NAMES, VERDICT_NAMES } from './checklist-words';
import { ResourceChecks } from './resource-checks';
import { VerdictFilter, type VerdictChoice } from './verdict-filter';

const useStyles = makeStyles({ product: { display: 'grid' }, heading: { margin: `${tokens.spacingVerticalS} 0 0` } });

export function ChecklistSection({ checklist }: { checklist: TenantChecklist | null }) {
  const styles = useStyles();
  const [verdict, setVerdict] = useState<VerdictChoice>('all');
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
          {counts && counts.total > 0 && <VerdictFilter counts={counts} value={verdict} onChange={setVerdict} />}
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
