/** An "Export" menu button: each part offered (status, checklist, audit log, everything) as CSV or JSON. */
import { Menu, MenuButton, MenuGroup, MenuGroupHeader, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AuditFilter } from '../../shared/audit-filter';
import type { ExportFormat, ExportWhat } from '../../shared/export-types';
import { exportFile } from './export-file';

export const EXPORT_NAMES: Record<ExportWhat, string> = {
  status: 'PAL status',
  checklist: 'Attribution checklist',
  audit: 'Audit log',
  all: 'Everything',
};
const FORMATS: readonly ExportFormat[] = ['csv', 'json'];

interface Props {
  what: readonly ExportWhat[];
  /** Only these tenants (absent: every tenant). */
  tenantIds?: string[];
  audit?: AuditFilter;
  /** The button's text (default "Export"). */
  label?: string;
}

export function ExportMenu({ what, tenantIds, audit, label = 'Export' }: Props) {
  const [busy, setBusy] = useState(false);
  const run = (part: ExportWhat, format: ExportFormat) => {
    setBusy(true);
    void exportFile({ what: part, format, ...(tenantIds ? { tenantIds } : {}), ...(audit ? { audit } : {}) }).finally(() => setBusy(false));
  };
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton icon={<ArrowDownloadRegular />} disabled={busy}>
          {label}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {what.map((part) => (
            <MenuGroup key={part}>
              <MenuGroupHeader>{EXPORT_NAMES[part]}</MenuGroupHeader>
              {FORMATS.map((format) => (
                <MenuItem key={format} onClick={() => run(part, format)}>
                  {`${EXPORT_NAMES[part]} as ${format.toUpperCase()}`}
                </MenuItem>
              ))}
            </MenuGroup>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
