/** The main-process services as the handlers, the CLI and the hosts see them (built by app-services.ts). */
import type { AppInfo } from '../shared/ipc-contract';
import type { AuthService } from './auth/auth-service';
import type { ChecklistService } from './checklist/checklist-service';
import type { DataService } from './data/data-service';
import type { DoctorService } from './doctor/doctor-service';
import type { EvidenceService } from './evidence/evidence-service';
import type { Connectivity } from './http/connectivity';
import type { ExportService } from './evidence/export-service';
import type { Inventory } from './inventory/inventory';
import type { NoticeService } from './notices/notice-service';
import type { PalService } from './pal/pal-service';
import type { QueueReplayer } from './pal/queue-replayer';
import type { SettingsService } from './settings/settings-service';
import type { JobRunner } from './sync/job-runner';
import type { SyncService } from './sync/sync-service';
import type { AccountService } from './tenants/account-service';
import type { TenantService } from './tenants/tenant-service';
import type { TenantViews } from './tenants/tenant-views';

export interface Services {
  info: AppInfo;
  inventory: Inventory;
  settings: SettingsService;
  auth: AuthService;
  views: TenantViews;
  tenants: TenantService;
  accounts: AccountService;
  pal: PalService;
  sync: SyncService;
  jobs: JobRunner;
  replayer: QueueReplayer;
  evidence: EvidenceService;
  notices: NoticeService;
  checklist: ChecklistService;
  connectivity: Connectivity;
  exports: ExportService;
  data: DataService;
  doctor: DoctorService;
}
