/** "Forget everything": names what will be deleted and asks the person to type a word before main deletes it all. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { FORGET_WORD } from '../../shared/about-types';
import { api } from '../api';

const DELETED = [
  'every customer tenant in the inventory, with its accounts, partner links and Power Platform facts',
  'the audit log of every change PAL Desk made (it is deleted too; export it first if you need it)',
  'queued actions not yet sent to Azure',
  "this data folder's sign-in tokens and service principal secrets in your OS keychain (other data folders keep theirs)",
  'your settings: partner ID and sign-in application',
];

export function ForgetEverythingDialog({ onForgotten }: { onForgotten(): void }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setTyped('');
    setError(null);
  };
  const forget = async () => {
    if (!api) return;
    setBusy(true);
    const result = await api.data.forgetEverything({ confirm: FORGET_WORD });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    close();
    onForgotten();
  };
  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? setOpen(true) : close())} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<DeleteRegular />}>Forget everything…</Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void forget();
          }}
        >
          <DialogBody>
            <DialogTitle>Forget everything?</DialogTitle>
            <DialogContent>
              <Text>PAL Desk will delete, on this computer:</Text>
              <ul aria-label="What will be deleted">
                {DELETED.map((item) => (
                  <li key={item}>
                    <Text>{item}</Text>
                  </li>
                ))}
              </ul>
              <Text>Partner links already set in your customers&apos; tenants stay as they are. PAL Desk then starts again as on first run.</Text>
              <Field label={`Type "${FORGET_WORD}" to confirm`} required>
                <Input value={typed} onChange={(_, d) => setTyped(d.value)} autoComplete="off" />
              </Field>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" appearance="primary" disabled={typed.trim().toLowerCase() !== FORGET_WORD || busy}>
                {busy ? 'Deleting…' : 'Delete everything'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
