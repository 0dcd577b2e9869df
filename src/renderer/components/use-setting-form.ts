/** A settings field saved through the bridge: its value, the submit handler, and the saved or error message to show under it. */
import { useState, type FormEvent } from 'react';
import type { PalDeskBridge } from '../../shared/ipc-contract';
import type { Result } from '../../shared/result';
import { api } from '../api';
import { useAppStore } from '../store';

export function useSettingForm(saved: string, save: (bridge: PalDeskBridge, value: string) => Promise<Result<unknown>>, savedText: (value: string) => string) {
  const run = useAppStore((s) => s.run);
  const [value, setValue] = useState(saved);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bridge = api;
    if (!bridge) return;
    const result = await run(() => save(bridge, value));
    setMessage(result.ok ? { error: false, text: savedText(value) } : { error: true, text: result.error.message });
  };

  const validation = { validationState: message ? (message.error ? ('error' as const) : ('success' as const)) : ('none' as const), validationMessage: message?.text };
  return { value, setValue, submit, validation };
}
