/** learn.microsoft.com pages the checks point to. */

export const DOCS = {
  pal: 'https://learn.microsoft.com/en-us/azure/cost-management-billing/manage/link-partner-id-power-apps-accounts',
  shareCanvasApp: 'https://learn.microsoft.com/en-us/power-apps/maker/canvas-apps/share-app',
  solutions: 'https://learn.microsoft.com/en-us/power-apps/maker/data-platform/solutions-overview',
  publishDataset: 'https://learn.microsoft.com/en-us/power-bi/create-reports/desktop-upload-desktop-files',
  environments: 'https://learn.microsoft.com/en-us/power-platform/admin/environments-overview',
  addUsers: 'https://learn.microsoft.com/en-us/power-platform/admin/add-users-to-environment',
} as const;
