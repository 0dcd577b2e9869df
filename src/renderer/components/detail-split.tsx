/**
 * Hosts the open tenant beside the grid without squeezing it: on a wide window a split with a resize handle (drag, or
 * ←/→ when focused; the width is remembered), under 1100 px an overlay drawer. Escape closes the tenant either way.
 */
import { makeStyles, OverlayDrawer, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useElementWidth } from '../state/use-element-width';

const WIDE_QUERY = '(min-width: 1100px)';
const WIDTH_KEY = 'pal-desk.detail-width';
const DEFAULT_WIDTH = 400;
const MIN_WIDTH = 320;
/** The grid keeps at least this much beside the pane. */
const GRID_MIN = 440;
const STEP = 24;

const useStyles = makeStyles({
  split: { display: 'flex', height: '100%', minHeight: 0 },
  main: { flex: '1 1 0', minWidth: 0, display: 'flex', flexDirection: 'column' },
  handle: {
    flex: '0 0 12px',
    cursor: 'col-resize',
    display: 'flex',
    justifyContent: 'center',
    touchAction: 'none',
    '::after': { content: '""', width: '2px', height: '100%', backgroundColor: tokens.colorNeutralStroke2 },
    ':hover::after': { backgroundColor: tokens.colorBrandStroke1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  pane: {
    flex: '0 0 auto',
    overflowY: 'auto',
    minHeight: 0,
    '& > .fui-InlineDrawer': { '--fui-Drawer--size': '100%', height: 'auto', minHeight: '100%' },
  },
  overlay: { '& .fui-InlineDrawer': { '--fui-Drawer--size': '100%', height: '100%', borderLeft: 'none' } },
});

function useWideWindow(): boolean {
  const [wide, setWide] = useState(() => typeof window === 'undefined' || window.matchMedia(WIDE_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(WIDE_QUERY);
    const onChange = () => setWide(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return wide;
}

function storedWidth(): number {
  const stored = typeof localStorage === 'undefined' ? NaN : Number(localStorage.getItem(WIDTH_KEY));
  return Number.isFinite(stored) && stored >= MIN_WIDTH ? stored : DEFAULT_WIDTH;
}

export function DetailSplit({ children, detail, title, onClose }: { children: ReactNode; detail: ReactNode | null; title: string; onClose(): void }) {
  const styles = useStyles();
  const wide = useWideWindow();
  const splitRef = useRef<HTMLDivElement>(null);
  const splitWidth = useElementWidth(splitRef);
  const [width, setWidth] = useState(storedWidth);
  const max = Math.max(MIN_WIDTH, splitWidth - GRID_MIN);
  const paneWidth = Math.min(Math.max(width, MIN_WIDTH), max);

  const resize = (next: number) => {
    const clamped = Math.round(Math.min(Math.max(next, MIN_WIDTH), max));
    setWidth(clamped);
    localStorage.setItem(WIDTH_KEY, String(clamped));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startX = event.clientX;
    const startWidth = paneWidth;
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const onMove = (move: globalThis.PointerEvent) => resize(startWidth + startX - move.clientX);
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  };

  const onHandleKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowLeft: paneWidth + STEP, ArrowRight: paneWidth - STEP, Home: max, End: MIN_WIDTH }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    resize(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && detail && splitRef.current?.contains(event.target as Node)) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div ref={splitRef} className={styles.split} onKeyDown={onKeyDown}>
      <div className={styles.main}>{children}</div>
      {detail && wide && (
        <>
          <div
            role="separator"
            tabIndex={0}
            aria-orientation="vertical"
            aria-label="Resize the tenant pane"
            aria-valuenow={paneWidth}
            aria-valuemin={MIN_WIDTH}
            aria-valuemax={max}
            className={styles.handle}
            onPointerDown={onPointerDown}
            onKeyDown={onHandleKey}
          />
          <div className={styles.pane} style={{ width: paneWidth }}>
            {detail}
          </div>
        </>
      )}
      {!wide && (
        <OverlayDrawer
          open={detail !== null}
          position="end"
          size="medium"
          className={styles.overlay}
          aria-label={title}
          onOpenChange={(_, data) => !data.open && onClose()}
        >
          {detail}
        </OverlayDrawer>
      )}
    </div>
  );
}
