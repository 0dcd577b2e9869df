/** Notices from main (token cache reset, database moved aside, …), each dismissable; dismissing a kept one acknowledges it. */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useAppStore } from '../store';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return notices.map((notice, index) => (
    <MessageBar key={notice.id ?? `${index}-${notice.message}`} intent={notice.level}>
      <MessageBarBody>{notice.message}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={() => void dismiss(index)} />} />
    </MessageBar>
  ));
}
