/** What a partner registers as its own multi-tenant sign-in app, the delegated API permissions it needs, and each customer's admin-consent link once it is set. */
import { Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { adminConsentUrl, API_PERMISSIONS, REGISTRATION_STEPS } from '../../shared/sign-in-app';

const useStyles = makeStyles({
  guide: { display: 'grid', gap: tokens.spacingVerticalS },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL },
  link: { fontFamily: 'monospace', wordBreak: 'break-all' },
  customer: { display: 'grid', gridTemplateColumns: '1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface SignInAppGuideProps {
  /** The partner's own application (client) ID, or null while PAL Desk uses its default app. */
  clientId: string | null;
  /** The cloud's sign-in host (null until known): the admin-consent links point there. */
  authorityHost: string | null;
  /** The customers to show a link for. */
  customers: { tenantId: string; name: string }[];
}

export function SignInAppGuide({ clientId, authorityHost, customers }: SignInAppGuideProps) {
  const styles = useStyles();
  return (
    <div className={styles.guide}>
      <Text>
        {clientId
          ? `PAL Desk signs in with your firm's own app (${clientId}).`
          : "PAL Desk signs in with its default app, Microsoft's Azure CLI client. It is a Microsoft first-party app: a Microsoft API that does not allow it (AADSTS65002) cannot be fixed by a customer's consent. Register your firm's own app to read those APIs too."}
      </Text>
      <Text weight="semibold">Register your own app</Text>
      <ol className={styles.steps}>
        {REGISTRATION_STEPS.map((step) => (
          <li key={step}>
            <Text>{step}</Text>
          </li>
        ))}
      </ol>
      <Table aria-label="Delegated API permissions" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>API</TableHeaderCell>
            <TableHeaderCell>Delegated permissions</TableHeaderCell>
            <TableHeaderCell>PAL Desk reads</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {API_PERMISSIONS.map((p) => (
            <TableRow key={p.appId}>
              <TableCell>{p.api}</TableCell>
              <TableCell>{p.permissions.join(', ')}</TableCell>
              <TableCell>{p.usedFor}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {clientId && authorityHost && <ConsentLinks clientId={clientId} authorityHost={authorityHost} customers={customers} />}
    </div>
  );
}

function ConsentLinks({ clientId, authorityHost, customers }: { clientId: string; authorityHost: string; customers: SignInAppGuideProps['customers'] }) {
  const styles = useStyles();
  if (customers.length === 0) return <Text>Add a customer to get the admin-consent link its admin opens once to approve your app.</Text>;
  return (
    <section aria-label="Admin-consent links" className={styles.guide}>
      <Text weight="semibold">Admin-consent links: send each customer&apos;s admin the link for their tenant</Text>
      {customers.map((c) => (
        <ConsentLink key={c.tenantId} name={c.name} url={adminConsentUrl(authorityHost, c.tenantId, clientId)} />
      ))}
    </section>
  );
}

/** One customer's link with a Copy button; where the clipboard is refused (the desktop app grants web pages no permission), the link is selected and copied the classic way. */
function ConsentLink({ name, url }: { name: string; url: string }) {
  const styles = useStyles();
  const link = useRef<HTMLSpanElement>(null);
  const copy = () =>
    navigator.clipboard.writeText(url).catch(() => {
      const selection = window.getSelection();
      if (!link.current || !selection) return;
      const range = document.createRange();
      range.selectNodeContents(link.current);
      selection.removeAllRanges();
      selection.addRange(range);
      document.execCommand('copy');
    });
  return (
    <div className={styles.customer}>
      <Text>
        {name}: <span ref={link} className={styles.link}>{url}</span>
      </Text>
      <Button size="small" aria-label={`Copy the admin-consent link for ${name}`} onClick={() => void copy()}>
        Copy
      </Button>
    </div>
  );
}
