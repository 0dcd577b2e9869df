/** "Discover customers" on the tenants page: the same sign-in-once discovery as the first run, in a dialog. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useDiscover } from '../state/discover-store';
import { DiscoverList } from './discover-list';
import { DiscoverStart } from './discover-start';

export function DiscoverDialog() {
  const [open, setOpen] = useState(false);
  const phase = useDiscover((s) => s.phase);
  const reset = useDiscover((s) => s.reset);
  const close = () => {
    setOpen(false);
    reset();
  };
  const listing = phase === 'list' || phase === 'tracking';
  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? setOpen(true) : close())}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<SearchRegular />}>Discover customers</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Discover customers</DialogTitle>
          <DialogContent>
            {listing ? (
              <DiscoverList
                skipLabel="Cancel"
                onSkip={close}
                onTracked={close}
              />
            ) : (
              <DiscoverStart />
            )}
          </DialogContent>
          {!listing && (
            <DialogActions>
              <Button onClick={close}>Close</Button>
            </DialogActions>
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
