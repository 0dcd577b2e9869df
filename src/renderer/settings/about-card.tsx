/** About: the app's icon and version, runtime versions (or "browser host"), cloud, data folder, licences. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Card, CardHeader, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { AboutView } from '../../shared/about-types';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  value: { margin: 0, wordBreak: 'break-all' },
});

/** The open-source parts PAL Desk ships, with their licences (Chromium's own notices come with Electron as LICENSES.chromium.html). */
const LICENCES: readonly [string, string][] = [
  ['Electron (with Chromium and Node.js)', 'MIT; Chromium: BSD-3-Clause and others'],
  ['React', 'MIT'],
  ['Fluent UI React', 'MIT'],
  ['Microsoft Authentication Library for Node (msal-node)', 'MIT'],
  ['Azure SDK (Management Partner)', 'MIT'],
  ['keytar', 'MIT'],
  ['zustand', 'MIT'],
  ['zod', 'MIT'],
  ['TanStack Virtual', 'MIT'],
];

function runtime(about: AboutView): string {
  const { electron, chrome, node } = about.versions;
  if (about.host === 'browser-host') return `browser host (Node ${node})`;
  return [electron && `Electron ${electron}`, chrome && `Chrome ${chrome}`, `Node ${node}`].filter(Boolean).join(' · ');
}

export function AboutCard({ about }: { about: AboutView }) {
  const styles = useStyles();
  const facts: [string, string][] = [
    ['Version', `PAL Desk ${about.version}`],
    ['Runtime', runtime(about)],
    ['Cloud', about.cloud.label],
    ['Data folder', about.dataFolder],
  ];
  return (
    <Card role="region" aria-label="About">
      {/* The same icon every package and the window carry (public/icon.svg, from assets/). */}
      <CardHeader image={<img src="./icon.svg" alt="PAL Desk" width={32} height={32} />} header={<Subtitle2 as="h2">About</Subtitle2>} />
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>
              <Text weight="semibold">{term}</Text>
            </dt>
            <dd className={styles.value}>
              <Text>{value}</Text>
            </dd>
          </Fragment>
        ))}
      </dl>
      <Accordion collapsible>
        <AccordionItem value="licences">
          <AccordionHeader>Open-source licences</AccordionHeader>
          <AccordionPanel>
            <ul aria-label="Open-source licences">
              {LICENCES.map(([part, licence]) => (
                <li key={part}>
                  <Text>
                    {part}: {licence}
                  </Text>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Card>
  );
}
