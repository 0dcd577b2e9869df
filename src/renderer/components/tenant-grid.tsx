/**
 * The tenant grid: an ARIA grid of the tenants shown, virtualized (only the rows on screen are in the DOM), sortable by
 * every column, with a checkbox per row. Keyboard: ↑/↓, Home/End, Page Up/Down move the focused row; Enter opens the
 * tenant; Space or X ticks it (Shift extends from the last ticked row); Escape closes the open tenant.
 */
import { Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { rangeIds, type GridRow } from '../state/grid-rows';
import { useGridStore } from '../state/grid-store';
import { useElementWidth } from '../state/use-element-width';
import { COLUMN_GAP, columnsFor, gridTemplate, type GridColumn } from './grid-columns';
import { GridCell } from './grid-cells';

const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 40;
/** The grid's height before it is measured (main renders the first screen without a window): rows enough for a tall one. */
const FIRST_RECT = { width: 0, height: 1000 };

const useStyles = makeStyles({
  grid: {
    flex: '1 1 0',
    minHeight: '240px',
    overflowY: 'auto',
    overflowX: 'hidden',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  row: {
    display: 'grid',
    alignItems: 'center',
    columnGap: `${COLUMN_GAP}px`,
    paddingRight: `${COLUMN_GAP}px`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  headerRow: { height: `${HEADER_HEIGHT}px` },
  bodyRow: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: `${ROW_HEIGHT}px`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  ticked: { backgroundColor: tokens.colorNeutralBackground1Selected },
  open: { backgroundColor: tokens.colorBrandBackground2, boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  cell: { minWidth: 0, overflow: 'hidden' },
  select: { display: 'flex', justifyContent: 'center' },
  tick: { width: '16px', height: '16px', margin: 0, cursor: 'pointer', accentColor: tokens.colorCompoundBrandBackground },
  sort: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    width: '100%',
    padding: 0,
    border: 'none',
    background: 'none',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface TenantGridProps {
  rows: GridRow[];
  now: number;
  openTenantId: string | null;
  onOpen(tenantId: string): void;
}

export function TenantGrid({ rows, now, openTenantId, onOpen }: TenantGridProps) {
  const styles = useStyles();
  const gridRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(gridRef);
  const columns = useMemo(() => columnsFor(width || Infinity), [width]);
  const template = gridTemplate(columns);
  const selected = useGridStore((s) => s.selected);
  const setSelected = useGridStore((s) => s.setSelected);
  const ticked = new Set(selected);
  const anchor = useRef<string | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const wantFocus = useRef(false);
  const active = Math.max(0, Math.min(focusIndex, rows.length - 1));

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.tenantId ?? index,
    initialRect: FIRST_RECT,
  });

  useEffect(() => {
    if (!wantFocus.current) return;
    const element = gridRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (!element) return;
    element.focus({ preventScroll: true });
    wantFocus.current = false;
  });

  const latest = useRef({ rows, selected, onOpen });
  useLayoutEffect(() => {
    latest.current = { rows, selected, onOpen };
  });

  const toggle = useCallback(
    (tenantId: string, extend: boolean) => {
      const { rows: shown, selected: current } = latest.current;
      const from = anchor.current;
      anchor.current = tenantId;
      if (extend && from) return setSelected([...new Set([...current, ...rangeIds(shown, from, tenantId)])]);
      setSelected(current.includes(tenantId) ? current.filter((id) => id !== tenantId) : [...current, tenantId]);
    },
    [setSelected],
  );

  const openRow = useCallback((tenantId: string, index: number) => {
    setFocusIndex(index);
    latest.current.onOpen(tenantId);
  }, []);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(index, rows.length - 1));
    wantFocus.current = true;
    setFocusIndex(next);
    virtualizer.scrollToIndex(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[active];
    if (!row || (event.target as HTMLElement).getAttribute('role') !== 'row') return;
    const page = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Enter: () => onOpen(row.tenantId),
      ' ': () => toggle(row.tenantId, event.shiftKey),
      x: () => toggle(row.tenantId, event.shiftKey),
      X: () => toggle(row.tenantId, event.shiftKey),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const shownTicked = rows.filter((r) => ticked.has(r.tenantId)).length;
  const tickAll = () => {
    const shown = new Set(rows.map((r) => r.tenantId));
    setSelected(shownTicked === rows.length ? selected.filter((id) => !shown.has(id)) : [...new Set([...selected, ...shown])]);
  };

  return (
    <div
      ref={gridRef}
      className={styles.grid}
      role="grid"
      aria-label="Customer tenants"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
    >
      <div role="rowgroup" className={styles.header}>
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.headerRow)} style={{ gridTemplateColumns: template }}>
          <div role="columnheader" className={styles.select}>
            <Checkbox
              aria-label="Select every tenant shown"
              checked={rows.length > 0 && shownTicked === rows.length ? true : shownTicked > 0 ? 'mixed' : false}
              disabled={rows.length === 0}
              onChange={tickAll}
            />
          </div>
          {columns.map((column) => (
            <HeaderCell key={column.id} column={column} />
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }} onKeyDown={onKeyDown}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <RowView
              key={row.tenantId}
              row={row}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              columns={columns}
              template={template}
              now={now}
              ticked={ticked.has(row.tenantId)}
              open={row.tenantId === openTenantId}
              focusable={item.index === active}
              onOpen={openRow}
              onToggle={toggle}
            />
          );
        })}
      </div>
    </div>
  );
}

function HeaderCell({ column }: { column: GridColumn }) {
  const styles = useStyles();
  const sort = useGridStore((s) => s.sort);
  const setSort = useGridStore((s) => s.setSort);
  const sorted = sort.column === column.id ? sort.direction : null;
  return (
    <div role="columnheader" className={styles.cell} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
      <button type="button" className={styles.sort} onClick={() => setSort(column.id)}>
        {column.header}
        {sorted === 'asc' && <ArrowSortUpRegular aria-hidden />}
        {sorted === 'desc' && <ArrowSortDownRegular aria-hidden />}
      </button>
    </div>
  );
}

interface RowViewProps {
  row: GridRow;
  index: number;
  top: number;
  columns: GridColumn[];
  template: string;
  now: number;
  ticked: boolean;
  open: boolean;
  focusable: boolean;
  onOpen(tenantId: string, index: number): void;
  onToggle(tenantId: string, extend: boolean): void;
}

/** Memoized: a keystroke that leaves a row on screen does not render it again. */
const RowView = memo(function RowView({ row, index, top, columns, template, now, ticked, open, focusable, onOpen, onToggle }: RowViewProps) {
  const styles = useStyles();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={ticked}
      aria-current={open || undefined}
      aria-label={row.name}
      data-index={index}
      data-tenant-id={row.tenantId}
      tabIndex={focusable ? 0 : -1}
      className={mergeClasses(styles.row, styles.bodyRow, ticked && styles.ticked, open && styles.open)}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      onClick={() => onOpen(row.tenantId, index)}
    >
      <div role="gridcell" className={styles.select} onClick={(event) => event.stopPropagation()}>
        <input
          type="checkbox"
          className={styles.tick}
          tabIndex={-1}
          aria-label={`Select ${row.name}`}
          checked={ticked}
          onChange={(event) => onToggle(row.tenantId, (event.nativeEvent as MouseEvent).shiftKey)}
        />
      </div>
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className={styles.cell}>
          <GridCell column={column.id} row={row} now={now} />
        </div>
      ))}
    </div>
  );
});
