/** Wire shapes of the simulated Power Platform: environments, apps, app permissions, flows and datasets as the real APIs return them. */
import { createHash } from 'node:crypto';
import type { SimApp, SimEnvironment, SimFlow, SimWorkspace } from './scenario';

/** The object id Power Apps shows for SYSTEM (a model-driven app's usual owner). */
export const SYSTEM_OBJECT_ID = '00000000-0000-0000-0000-5157eaa02fcd';

export function environmentShape(e: SimEnvironment, instanceUrl: string, scope: 'admin' | 'maker', billing: boolean) {
  return {
    id: `/providers/Microsoft.BusinessAppPlatform/${scope === 'admin' ? 'scopes/admin/' : ''}environments/${e.environmentId}`,
    type: 'Microsoft.BusinessAppPlatform/scopes/environments',
    location: e.region,
    name: e.environmentId,
    properties: {
      tenantId: e.tenantId,
      azureRegion: e.region,
      displayName: e.displayName,
      createdTime: '2026-01-10T08:00:00Z',
      createdBy: { id: 'SYSTEM', displayName: 'SYSTEM', type: 'NotSpecified' },
      provisioningState: 'Succeeded',
      creationType: e.sku === 'Default' ? 'DefaultTenant' : 'User',
      environmentSku: e.sku,
      isDefault: e.sku === 'Default',
      clientUris: { admin: `https://admin.powerplatform.microsoft.com/environments/environment/${e.environmentId}/hub`, maker: `https://make.powerapps.com/environments/${e.environmentId}/home` },
      ...(e.dataverse
        ? {
            // As recorded (fixtures/powerplatform/bap-admin-environments*.json): no `type`, no `templates`; whether Customer Insights is
            // installed is not in BAP's answer (the Power Platform API's application packages and Dataverse's solutions say it).
            linkedEnvironmentMetadata: {
              resourceId: e.environmentId,
              friendlyName: e.displayName,
              uniqueName: `org${e.environmentId.slice(0, 8)}`,
              instanceUrl: `${instanceUrl}/`,
              // Real environments name a separate Web API host (`https://<org>.api.crm4.dynamics.com`, fixtures/powerplatform/
              // bap-admin-environments.response.json); each simulated instance serves its Web API on its own origin.
              instanceApiUrl: instanceUrl,
              version: '9.2.26101.00000',
              instanceState: 'Ready',
            },
          }
        : {}),
      governanceConfiguration: { protectionLevel: 'Basic' },
      states: { management: { id: 'NotSpecified' }, runtime: { id: 'Enabled' } },
      ...(billing ? { billingPolicy: null } : {}),
    },
  };
}

/** A stable GUID for `kind` and `key` (a Dataverse row id of something the scenario names by another id). */
export function stableGuid(kind: string, key: string): string {
  const h = createHash('sha1').update(`${kind}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The Dataverse `workflowid` of a cloud flow (the flow lists' `workflowEntityId`), not the flow's own id. */
export const workflowEntityIdOf = (flowId: string): string => stableGuid('workflow', flowId);

/** Whether the Power Apps lists show the app: model-driven apps are not there, they are Dataverse `appmodules` (MicrosoftDocs/power-platform#304). */
export const inPowerAppsList = (a: SimApp): boolean => a.appType !== 'model-driven';

export function appShape(a: SimApp, tenantId: string, scope: 'admin' | 'maker', name: NamePrincipal) {
  const system = a.ownerObjectId === SYSTEM_OBJECT_ID;
  const { displayName, email } = system ? { displayName: 'SYSTEM', email: '' } : name(a.ownerObjectId);
  const owner = { id: a.ownerObjectId, displayName, email, type: system ? 'NotSpecified' : 'User', tenantId, userPrincipalName: email };
  const customPage = a.appType === 'custom-page';
  return {
    name: a.appId,
    id: `/providers/Microsoft.PowerApps/${scope === 'admin' ? `scopes/admin/environments/${a.environmentId}/` : ''}apps/${a.appId}`,
    type: scope === 'admin' ? 'Microsoft.PowerApps/scopes/admin/apps' : 'Microsoft.PowerApps/apps',
    tags: { primaryFormFactor: 'Tablet' },
    // Custom pages of model-driven apps are listed as `CustomCanvasPage` with almMode "Solution" (field-samples/powerapps-admin-apps-list-tfprovider.json).
    appType: customPage ? 'CustomCanvasPage' : 'ClassicCanvasApp',
    properties: {
      appVersion: '2026-09-27T20:31:37Z',
      lifeCycleId: 'Published',
      status: 'Ready',
      owner,
      createdBy: owner,
      lastModifiedBy: owner,
      displayName: a.displayName,
      createdTime: '2026-02-01T09:00:00Z',
      lastModifiedTime: '2026-09-27T20:31:37Z',
      environment: { id: `/providers/Microsoft.PowerApps/environments/${a.environmentId}`, name: a.environmentId },
      almMode: a.solution || customPage ? 'Solution' : 'Environment',
      appPlanClassification: 'Standard',
      usesPremiumApi: false,
    },
  };
}

/** How the Power Platform names a principal: display name and email (empty when it has none, as for SYSTEM). */
export type NamePrincipal = (objectId: string) => { displayName: string; email: string };

export function appPermissions(a: SimApp, tenantId: string, name: NamePrincipal) {
  const role = (id: string, roleName: string) => ({
    name: id,
    id: `/providers/Microsoft.PowerApps/apps/${a.appId}/permissions/${id}`,
    type: 'Microsoft.PowerApps/apps/permissions',
    properties: {
      roleName,
      principal: { id, ...name(id), type: 'User', tenantId },
      scope: `/providers/Microsoft.PowerApps/environments/${a.environmentId}/apps/${a.appId}`,
      notifyShareTargetOption: 'NotSpecified',
      inviteGuestToTenant: false,
    },
  });
  // A group principal has its id and display name, no email (AdminPS CreateAppRoleAssignmentObject; field-samples/FACTS.md).
  const group = (g: { objectId: string; displayName: string }) => {
    const r = role(g.objectId, 'CanEdit');
    return { ...r, properties: { ...r.properties, principal: { id: g.objectId, displayName: g.displayName, type: 'Group', tenantId } } };
  };
  return {
    value: [
      role(a.ownerObjectId, 'Owner'),
      ...a.coOwnerObjectIds.map((id) => role(id, 'CanEdit')),
      ...(a.coOwnerGroups ?? []).map(group),
      ...a.viewerObjectIds.map((id) => role(id, 'CanView')),
    ],
  };
}

/** `inDataverse`: the flow's environment has Dataverse, where every cloud flow is stored as a workflow (Microsoft Learn, "Power Automate Web API"). */
export function flowShape(f: SimFlow, tenantId: string, scope: 'admin' | 'maker', inDataverse: boolean) {
  return {
    name: f.flowId,
    id: `/providers/Microsoft.ProcessSimple/environments/${f.environmentId}/flows/${f.flowId}`,
    type: 'Microsoft.ProcessSimple/environments/flows',
    properties: {
      displayName: f.displayName,
      ...(scope === 'maker' ? { userType: 'Owner' } : {}),
      state: f.state,
      createdTime: '2026-01-15T10:00:00Z',
      lastModifiedTime: '2026-10-01T10:00:00Z',
      isManaged: false,
      ...(inDataverse ? { workflowEntityId: workflowEntityIdOf(f.flowId) } : {}),
      creator: { tenantId, objectId: f.creatorObjectId, userId: f.creatorObjectId, userType: 'ActiveDirectory' },
      environment: { name: f.environmentId, type: 'Microsoft.ProcessSimple/environments', id: `/providers/Microsoft.ProcessSimple/environments/${f.environmentId}` },
    },
  };
}

/** A flow's permissions as the real API gives them (field-samples/flow-permissions-climicrosoft365-spec.json): the creator as Owner, co-owners as CanEdit, each a `User` principal. */
export function flowPermissions(f: SimFlow) {
  const role = (id: string, roleName: string) => ({
    name: id,
    id: `/providers/Microsoft.ProcessSimple/environments/${f.environmentId}/flows/${f.flowId}/permissions/${id}`,
    type: '/providers/Microsoft.ProcessSimple/environments/flows/permissions',
    properties: { roleName, permissionType: 'Principal', principal: { id, type: 'User' } },
  });
  return { value: [role(f.creatorObjectId, 'Owner'), ...(f.coOwnerObjectIds ?? []).map((id) => role(id, 'CanEdit'))] };
}

export function datasetShape(d: SimWorkspace['datasets'][number], groupId: string, admin: boolean) {
  return {
    id: d.id,
    name: d.name,
    webUrl: `https://app.powerbi.com/groups/${groupId}/datasets/${d.id}`,
    addRowsAPIEnabled: false,
    configuredBy: d.configuredBy,
    isRefreshable: true,
    isEffectiveIdentityRequired: false,
    isEffectiveIdentityRolesRequired: false,
    isOnPremGatewayRequired: false,
    targetStorageMode: 'Abf',
    createdDate: '2026-02-01T09:00:00Z',
    ...(admin ? { workspaceId: groupId } : {}),
  };
}

export const workspaceShape = (w: SimWorkspace) => ({ id: w.groupId, name: w.name, isReadOnly: false, isOnDedicatedCapacity: false, type: 'Workspace' });
