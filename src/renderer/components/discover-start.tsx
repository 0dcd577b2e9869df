/** The first step of discovering customers: a domain to sign in to (the home tenant or one customer), or an account already signed in. */
import { Button, Field, Input, makeStyles, Option, Dropdown, Spinner, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useDiscover } from '../state/discover-store';
import { useAppStore } from '../store';
import { accountName } from './account-name';
import { useFieldFormStyles } from './field-form-styles';

const useStyles = makeStyles({ stack: { display: 'grid', gap: tokens.spacingVerticalM } });

const PHASE_TEXT = { 'signing-in': 'Finish signing in in your browser…', discovering: 'Listing the directories your account reaches…', tracking: 'Tracking…' } as const;

export function DiscoverStart() {
  const styles = useStyles();
  const form = useFieldFormStyles();
  const phase = useDiscover((s) => s.phase);
  const error = useDiscover((s) => s.error);
  const signInAndDiscover = useDiscover((s) => s.signInAndDiscover);
  const discoverVia = useDiscover((s) => s.discoverVia);
  const tenants = useAppStore((s) => s.tenants);
  const [domain, setDomain] = useState('');
  const signedIn = tenants.flatMap((t) => {
    const user = t.accounts.find((a) => a.kind === 'user' && a.signIn === 'signed-in');
    return user ? [{ tenantId: t.tenantId, text: `${accountName(user)} in ${t.label ?? t.displayName}` }] : [];
  });
  const [via, setVia] = useState<string | null>(null);
  const chosen = via ?? signedIn[0]?.tenantId ?? null;
  const busy = phase !== 'start' && phase !== 'list';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signInAndDiscover(domain);
  };
  return (
    <div className={styles.stack}>
      {signedIn.length > 0 && (
        <div className={form.form}>
          <Field className={form.field} label="Discover with an account already signed in">
            <Dropdown
              value={signedIn.find((s) => s.tenantId === chosen)?.text ?? ''}
              selectedOptions={chosen ? [chosen] : []}
              onOptionSelect={(_, data) => setVia(data.optionValue ?? null)}
            >
              {signedIn.map((s) => (
                <Option key={s.tenantId} value={s.tenantId}>
                  {s.text}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button className={form.button} appearance="primary" disabled={busy || !chosen} onClick={() => chosen && void discoverVia(chosen)}>
            Discover
          </Button>
        </div>
      )}
      <form className={form.form} onSubmit={submit} aria-label="Sign in and discover">
        <Field
          className={form.field}
          label="Your home domain or one customer's domain"
          hint="For example northwindpartners.com. You sign in once; PAL Desk then lists every directory that account reaches."
          validationState={error ? 'error' : 'none'}
          validationMessage={error ?? undefined}
        >
          <Input value={domain} onChange={(_, data) => setDomain(data.value)} autoComplete="off" />
        </Field>
        <Button className={form.button} appearance={signedIn.length > 0 ? 'secondary' : 'primary'} type="submit" disabled={busy}>
          Sign in and discover
        </Button>
      </form>
      {busy && <Spinner size="tiny" label={PHASE_TEXT[phase as keyof typeof PHASE_TEXT]} />}
    </div>
  );
}
