/**
 * Simulated Power Platform: BAP environments, Power Apps (owner + permissions), flows (creator), Power BI workspaces and datasets,
 * Dataverse users and solutions, the Power Platform API's application packages, each on its own origin; admin scopes only for admins (the BAP admin list: the environments the caller administers), maker scopes showing what the caller owns or may see, 403 for service principals
 * where the real APIs refuse them, the Power BI admin datasets hourly limit, and each API's paging. One service per file in power-platform/.
 */
import type { Directory } from './directory';
import { AppManagementService } from './power-platform/app-management';
import { BapService } from './power-platform/bap';
import { DataverseService } from './power-platform/dataverse';
import { FlowService } from './power-platform/flow';
import { PowerAppsService } from './power-platform/power-apps';
import { PowerBiService } from './power-platform/power-bi';
import { PowerPlatformContext } from './power-platform/pp-context';
import type { ServiceOrigin } from './origins';
import type { TokenSigner } from './tokens';

export { PAGE_SIZE } from './power-platform/pp-context';

export class PowerPlatformService {
  readonly bap: BapService;
  readonly powerApps: PowerAppsService;
  readonly flow: FlowService;
  readonly powerBi: PowerBiService;
  readonly dataverse: DataverseService;
  readonly appManagement: AppManagementService;

  constructor(dir: Directory, signer: TokenSigner, originOf: (service: ServiceOrigin) => string) {
    const pp = new PowerPlatformContext(dir, signer, originOf);
    this.bap = new BapService(pp);
    this.powerApps = new PowerAppsService(pp);
    this.flow = new FlowService(pp);
    this.powerBi = new PowerBiService(pp);
    this.dataverse = new DataverseService(pp);
    this.appManagement = new AppManagementService(pp);
  }
}
