/** Shown when the app cannot load its state: what happened and what to do. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AppError } from '../../shared/result';

export function ErrorPage({ error }: { error: AppError }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>PAL Desk could not start</MessageBarTitle>
        {error.message}
      </MessageBarBody>
    </MessageBar>
  );
}
