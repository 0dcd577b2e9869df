/** Whether the OS keychain answers here: on Linux keytar asks the D-Bus secret service once, with a short timeout. */
import keytar from 'keytar';

export async function keychainReachable(timeoutMs = 3000): Promise<boolean> {
  if (process.platform !== 'linux') return true; // the macOS Keychain and Windows Credential Manager are always there
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, false);
  });
  const probe = keytar.findCredentials('pal-desk-probe').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
