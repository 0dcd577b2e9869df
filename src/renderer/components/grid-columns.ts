/** The tenant grid's columns: header, width, and which ones the grid drops first when it is narrow. */
import type { SortColumn } from '../state/grid-store';

export interface GridColumn {
  id: SortColumn;
  header: string;
  /** A CSS grid track. */
  track: string;
  /** The narrowest the column can be, in px. */
  min: number;
  /** 0 is always shown; higher numbers are dropped first when the grid is narrow. */
  priority: number;
}

export const SELECT_TRACK = '44px';
const SELECT_WIDTH = 44;
/** The gap between columns and the row's right padding, in px (tokens.spacingHorizontalM). */
export const COLUMN_GAP = 12;

export const COLUMNS: readonly GridColumn[] = [
  { id: 'customer', header: 'Customer', track: 'minmax(160px, 2fr)', min: 160, priority: 0 },
  { id: 'accounts', header: 'Accounts', track: 'minmax(170px, 1.2fr)', min: 170, priority: 1 },
  { id: 'pal', header: 'Partner link', track: '160px', min: 160, priority: 0 },
  { id: 'attributed', header: 'Attributed', track: '130px', min: 130, priority: 2 },
  { id: 'needs-sign-in', header: 'Needs sign-in', track: '120px', min: 120, priority: 3 },
  { id: 'pending', header: 'Pending', track: '90px', min: 90, priority: 5 },
  { id: 'last-synced', header: 'Last synced', track: '110px', min: 110, priority: 4 },
];

/** The columns that fit in `width` px: the lowest-priority ones go first, never the customer or the partner link. */
export function columnsFor(width: number): GridColumn[] {
  let shown = [...COLUMNS];
  const total = () => SELECT_WIDTH + COLUMN_GAP + shown.reduce((sum, c) => sum + c.min + COLUMN_GAP, 0);
  while (total() > width) {
    const drop = shown.reduce((worst, c) => (c.priority > worst.priority ? c : worst));
    if (drop.priority === 0) break;
    shown = shown.filter((c) => c !== drop);
  }
  return shown;
}

export const gridTemplate = (columns: readonly GridColumn[]) => [SELECT_TRACK, ...columns.map((c) => c.track)].join(' ');
