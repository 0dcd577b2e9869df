/** The sign-in application form with its guide: what to register, which permissions, and each tracked customer's admin-consent link. */
import { useAppStore } from '../store';
import { ClientIdForm } from './client-id-form';
import { SignInAppGuide } from './sign-in-app-guide';

export function SignInAppSection({ authorityHost }: { authorityHost: string | null }) {
  const clientId = useAppStore((s) => s.settings?.clientId ?? null);
  const tenants = useAppStore((s) => s.tenants);
  const customers = tenants.map((t) => ({ tenantId: t.tenantId, name: t.label ?? t.displayName }));
  return (
    <>
      <ClientIdForm />
      <SignInAppGuide clientId={clientId} authorityHost={authorityHost} customers={customers} />
    </>
  );
}
