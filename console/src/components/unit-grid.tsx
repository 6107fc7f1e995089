import { useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { bandOf, type Band, type ComplianceRow, type Target } from '../domain/compliance.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import './unit-grid.css';
import { employeePath } from './employee-address.ts';
import { followInApp } from './in-app-links.ts';

/** Fixed row height: the virtualizer never measures, so scrolling 5,000 rows lays out only what shows. */
const ROW_HEIGHT = 40;
const VIEW_HEIGHT = 560;
/**
 * One row beyond each edge. The virtualizer renders in the scroll event itself (flushSync), so the
 * painted frame always has the rows it shows; the spare row only covers the few pixels a wheel or
 * touchpad scroll moves on the compositor before the page answers. Each slot is rewritten whenever a
 * fast scroll jumps a screen, so every spare row is paid at every frame: 4 rows a side cost a quarter
 * more main-thread work per frame (bench 8b, 2 December: 28.7 → 21.5 ms at 4× CPU throttling).
 */
const OVERSCAN = 1;
/**
 * Rows in the DOM, always the same number: enough for a full view plus the overscan on each side.
 * Each row element is a slot keyed by its place in the window, and the window is moved with one
 * transform: scrolling changes texts only, never creates, removes or reorders elements (the DOM
 * order stays the visual order, for Tab and screen readers).
 */
const SLOTS = Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 1 + 2 * OVERSCAN;
/** A window of exactly SLOTS rows (fewer only when the list is shorter), so that every slot stays in use. */
function slotRange({ startIndex, overscan, count }: Range): number[] {
  const size = Math.min(count, SLOTS);
  const start = Math.max(0, Math.min(startIndex - overscan, count - size));
  return Array.from({ length: size }, (_, offset) => start + offset);
}

const bandText: Record<Band, MessageKey> = { none: 'unitStatusNone', partial: 'unitStatusPartial', met: 'complianceColMet' };

/** What every row writes the same way, built once per language and target (not once per row). */
interface RowWords {
  number: (value: number) => string;
  remaining: (row: ComplianceRow) => string;
  band: Record<Band, string>;
}

/**
 * The rows as an ARIA table: only a window of rows is in the DOM; aria-rowcount and aria-rowindex
 * tell assistive technology the whole size. Arrow keys, PageUp/PageDown, Home and End move the
 * focus from row link to row link, scrolling the row in first; Enter follows the link.
 */
export function UnitGrid({ rows, target, label }: { rows: ComplianceRow[]; target: Target | undefined; label: string }) {
  const { t, number } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const focused = useRef<number>(undefined);
  const [pendingFocus, setPendingFocus] = useState<number>();
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN, rangeExtractor: slotRange, scrollPaddingStart: ROW_HEIGHT });
  const items = virtualizer.getVirtualItems();
  const inJp = target?.unit === 'JP';
  const words = useMemo<RowWords>(() => {
    const suffix = t(inJp ? 'targetUnitJp' : 'targetUnitHours');
    return {
      number,
      remaining: (row) => `${number(inJp ? row.remainingJp : row.remainingHours)} ${suffix}`,
      band: { none: t(bandText.none), partial: t(bandText.partial), met: t(bandText.met) },
    };
  }, [t, number, inJp]);

  // A reused slot keeps the DOM focus: when scrolling gives the focused link another employee, let go of
  // the focus (as the removed element did before slots), so Enter never opens someone the user did not pick.
  useLayoutEffect(() => {
    const active = document.activeElement?.closest<HTMLElement>('[data-row]');
    if (active && scroller.current?.contains(active) && Number(active.dataset.row) !== focused.current) (document.activeElement as HTMLElement).blur();
  });
  useEffect(() => {
    if (pendingFocus === undefined) return;
    const link = scroller.current?.querySelector<HTMLAnchorElement>(`[data-row="${pendingFocus}"] a`);
    if (link) {
      link.focus({ preventScroll: true });
      setPendingFocus(undefined);
    }
  });

  function remember(event: FocusEvent<HTMLDivElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    focused.current = row ? Number(row.dataset.row) : undefined;
  }

  // Row links are plain anchors (a router Link per row costs a handful of hooks at every mount): one handler navigates for all.
  const navigate = useNavigate();
  const open = (event: MouseEvent<HTMLDivElement>) => followInApp(event, navigate, '[data-row] a');

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!row) return;
    const index = Number(row.dataset.row);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1, PageDown: index + 10, PageUp: index - 10 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(rows.length - 1, next));
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    setPendingFocus(clamped);
  }

  const header = (key: MessageKey, end = false) => (
    <div role="columnheader" className={end ? 'unit-grid-cell unit-grid-end' : 'unit-grid-cell'}>
      {t(key)}
    </div>
  );
  return (
    <div ref={scroller} onKeyDown={move} onClick={open} onFocus={remember} role="table" aria-label={label} aria-rowcount={rows.length + 1} data-testid="unit-rows" className="unit-grid" style={{ height: Math.min(VIEW_HEIGHT, (rows.length + 1) * ROW_HEIGHT + 2) }}>
      <div role="rowgroup" className="unit-grid-head">
        <div role="row" aria-rowindex={1} className="unit-grid-row">
          {header('unitColName')}
          {header('unitColNip')}
          {header('unitColHours', true)}
          {header('unitColJp', true)}
          {header('unitColRemaining', true)}
          {header('unitColStatus')}
        </div>
      </div>
      <div className="unit-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        <div role="rowgroup" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item, slot) => (
            <UnitRow key={slot} row={rows[item.index]!} index={item.index} words={words} />
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * One employee's row, in a slot. Memoized and made of plain elements (no component library, no router Link):
 * a page of rows arriving re-renders none, scrolling only the slots whose employee changed.
 */
const UnitRow = memo(function UnitRow({ row, index, words }: { row: ComplianceRow; index: number; words: RowWords }) {
  const band = bandOf(row);
  return (
    <div role="row" aria-rowindex={index + 2} data-row={index} className="unit-grid-row">
      <div role="cell" className="unit-grid-cell">
        <a href={employeePath(row.nip)}>{row.name}</a>
      </div>
      <div role="cell" className="unit-grid-cell">
        {row.nip}
      </div>
      <div role="cell" className="unit-grid-cell unit-grid-end">
        {words.number(row.hours)}
      </div>
      <div role="cell" className="unit-grid-cell unit-grid-end">
        {words.number(row.jp)}
      </div>
      <div role="cell" className="unit-grid-cell unit-grid-end">
        {words.remaining(row)}
      </div>
      <div role="cell" className="unit-grid-cell">
        <span className="unit-band" data-band={band}>
          {words.band[band]}
        </span>
      </div>
    </div>
  );
});
