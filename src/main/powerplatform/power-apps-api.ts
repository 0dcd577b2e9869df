/** Power Apps canvas apps per environment with owner, co-owners (CanEdit), type and solution awareness; admin scope or what the caller may see. */
import type { AppFact } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import { withId } from '../http/rest-client';
import type { ListOptions } from './bap-api';
import { mapLimit } from './map-limit';

interface PowerApp {
  name: string;
  appType?: string;
  properties?: { displayName?: string; owner?: { id?: string; email?: string }; almMode?: string };
}

interface Permission {
  properties?: { roleName?: string; principal?: { id?: string | null; type?: string; email?: string; displayName?: string } };
}

const API_VERSION = 'api-version=2016-11-01';
/** Permission reads in flight per environment. */
const PERMISSION_READS = 4;

/** Canvas apps are `ClassicCanvasApp`; any other type is not said. */
const appTypeOf = (appType: string | undefined): AppFact['appType'] => (appType && /Canvas/i.test(appType) ? 'canvas' : null);

/**
 * Not apps of this list: a `CustomCanvasPage` is a custom page, a part of a model-driven app (field-samples/
 * powerapps-admin-apps-list-tfprovider.json), and model-driven apps are read from Dataverse `appmodules` (MicrosoftDocs/power-platform#304).
 */
const NOT_APPS = /CustomCanvasPage|ModelDriven/i;

export async function listApps(o: ListOptions, environmentId: string, scope: 'admin' | 'maker'): Promise<AppFact[]> {
  const env = encodeURIComponent(environmentId);
  const filter = `$filter=${encodeURIComponent(`environment eq '${environmentId}'`)}`;
  const listUrl =
    scope === 'admin' ? `${o.base}/providers/Microsoft.PowerApps/scopes/admin/environments/${env}/apps?${API_VERSION}` : `${o.base}/providers/Microsoft.PowerApps/apps?${API_VERSION}&${filter}`;
  const apps = (await o.rest.all(listUrl, undefined, { signal: o.signal, isItem: withId<PowerApp>('name') })).filter((a) => !NOT_APPS.test(a.appType ?? ''));
  return mapLimit(apps, PERMISSION_READS, async (app) => {
    const id = encodeURIComponent(app.name);
    const permissionsUrl =
      scope === 'admin'
        ? `${o.base}/providers/Microsoft.PowerApps/scopes/admin/environments/${env}/apps/${id}/permissions?${API_VERSION}`
        : `${o.base}/providers/Microsoft.PowerApps/apps/${id}/permissions?${API_VERSION}&${filter}`;
    const editors = await readEditors(o, permissionsUrl);
    const ownerEmail = app.properties?.owner?.email;
    return {
      tenantId: o.tenantId,
      environmentId,
      appId: app.name,
      displayName: app.properties?.displayName ?? app.name,
      appType: appTypeOf(app.appType),
      ownerObjectId: app.properties?.owner?.id ?? null,
      coOwnerObjectIds: editors?.coOwnerObjectIds ?? null,
      coOwnerGroups: editors?.coOwnerGroups ?? null,
      editorEmails: editors ? [...new Set([...(ownerEmail ? [ownerEmail] : []), ...editors.emails])] : null,
      solutionAware: app.properties?.almMode ? app.properties.almMode === 'Solution' : null,
      seenAt: o.seenAt,
    };
  });
}

/**
 * Co-owners (CanEdit): users by object id, security groups by id and display name (a group principal has no email: AdminPS
 * CreateAppRoleAssignmentObject; field-samples/FACTS.md), and the emails of owners and co-owners; null when the caller may not
 * read the app's permissions (a maker who can only view it).
 */
async function readEditors(o: ListOptions, url: string): Promise<{ coOwnerObjectIds: string[]; coOwnerGroups: NonNullable<AppFact['coOwnerGroups']>; emails: string[] } | null> {
  try {
    const permissions = await o.rest.all<Permission>(url, undefined, { signal: o.signal });
    const editors = permissions.filter((p) => (p.properties?.roleName === 'CanEdit' || p.properties?.roleName === 'Owner') && p.properties.principal?.type !== 'Tenant');
    const coOwners = editors.flatMap((p) => (p.properties?.roleName === 'CanEdit' && p.properties.principal?.id ? [p.properties.principal] : []));
    return {
      coOwnerObjectIds: coOwners.flatMap((p) => (p.type === 'Group' || !p.id ? [] : [p.id])),
      coOwnerGroups: coOwners.flatMap((p) => (p.type === 'Group' && p.id ? [{ objectId: p.id, displayName: p.displayName ?? null }] : [])),
      emails: editors.flatMap((p) => (p.properties?.principal?.email ? [p.properties.principal.email] : [])),
    };
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'access-denied') return null;
    throw error;
  }
}
