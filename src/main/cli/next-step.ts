/** The command a person runs next after a failure that needs them: the services' messages name no button or command, each surface adds its own. */
import { NEEDS_SIGN_IN } from '../auth/auth-errors';

/** Failures a new sign-in does not fix (the message already says what does). */
const NOT_FIXED_BY_SIGN_IN = new Set(['keychain-locked', 'keychain-unavailable']);

/** " Run `pal-desk signin --tenant <id>`." for a failure that needs a sign-in to the tenant, the --wait hint for a busy data folder, else "". */
export function nextStep(code: string | undefined, tenantId: string | undefined): string {
  if (code === 'writer-busy' || code === 'writer-lost') return ' Or run again with --wait.';
  if (!code || !tenantId || !NEEDS_SIGN_IN.has(code) || NOT_FIXED_BY_SIGN_IN.has(code)) return '';
  if (code === 'invalid-client-secret') return ` Run \`pal-desk signin --tenant ${tenantId} --service-principal <client id>\` with a current secret.`;
  return ` Run \`pal-desk signin --tenant ${tenantId}\`.`;
}
