/** Adds a customer by domain or tenant ID; says when an account already signed in reached it without a browser, or main's message when the directory cannot be found. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAppStore } from '../store';
import { accountName } from './account-name';

export function AddCustomerDialog() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useAppStore((s) => s.run);
  const selectTenant = useAppStore((s) => s.selectTenant);
  const notify = useAppStore((s) => s.notify);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bridge = api;
    if (!bridge) return;
    if (query.trim() === '') return setError("Enter the customer's domain (contoso.com) or tenant ID.");
    setBusy(true);
    const result = await run(() => bridge.tenants.add({ query: query.trim() }));
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setOpen(false);
    setQuery('');
    setError(null);
    selectTenant(result.value.tenantId);
    const signedIn = result.value.accounts.find((a) => a.signIn === 'signed-in');
    const name = result.value.label ?? result.value.displayName;
    if (signedIn) notify({ level: 'info', message: `Signed in to ${name} without a browser as ${accountName(signedIn)}.` });
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<AddRegular />}>
          Add customer
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Add a customer tenant</DialogTitle>
            <DialogContent>
              <Field
                label="Customer domain or tenant ID"
                hint="For example contoso.onmicrosoft.com or the directory's GUID."
                validationState={error ? 'error' : 'none'}
                validationMessage={error ?? undefined}
              >
                <Input value={query} onChange={(_, data) => setQuery(data.value)} autoComplete="off" />
              </Field>
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">Cancel</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabled={busy}>
                Add
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
