import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  createColumnHelper,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type DragEvent,
  type KeyboardEvent,
  type RefObject,
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { AttributeValue, Item } from '../../../../shared/model/attribute-value.js';
import { keyAttributes } from '../../../../shared/model/indexes.js';
import type { Table } from '../../../../shared/model/schema.js';
import { ENTITY_COLUMN, type ResultSort } from './results-store.js';
import { WINDOW_ROWS, type WindowRow, rowWindows } from './row-windows.js';
import { type Selection, isSelected, selectedCount } from './selection.js';
import { displayValue, entityDecoder, typeTag } from './values.js';

const features = tableFeatures({ columnSizingFeature, columnResizingFeature, columnOrderingFeature });
const helper = createColumnHelper<typeof features, Item>();
const NO_DATA: Item[] = [];
const ROW_HEIGHT = 28;
/** Rows rendered beyond the viewport on each side. */
const OVERSCAN = 4;
const SELECT_WIDTH = 34;
/** A cell's text is cut at twice what its width can show (monospace: ~6.6 px a character); the title has it all. */
const PX_PER_CHAR = 3;

export interface ResultsGridProps {
  /** Rows in the result; the rows themselves are fetched by window (row-windows.ts). */
  total: number;
  /** Attribute names, key attributes first. */
  attributes: readonly string[];
  /** The model's table (key marks, and the entity decoded from its key templates). */
  table: Table | undefined;
  /** Bumps on every new read: the grid scrolls back to the top. */
  generation: number;
  /** Bumps when rows changed place or content. */
  revision: number;
  sort: ResultSort | undefined;
  /** Sorting is refused while a read runs (the backend orders the rows). */
  canSort: boolean;
  onSort: (sort: ResultSort | undefined) => void;
  selection: Selection;
  onToggleSelected: (id: number, position: number, range: boolean) => void;
  onToggleAll: () => void;
  openId: number | undefined;
  onOpen: (id: number) => void;
}

/** Next sort of a column on a click: ascending, descending, then read order again. */
function nextSort(sort: ResultSort | undefined, column: string): ResultSort | undefined {
  if (sort?.column !== column) return { column, descending: false };
  return sort.descending ? undefined : { column, descending: true };
}

/**
 * The result grid: @tanstack/react-table for the columns (sizing, resizing, ordering) and @tanstack/react-virtual for
 * the rows, of which only those in view are in the DOM and only windows around them in the page (the backend holds
 * the result and sorts it). An ARIA grid whose column headers are the attribute names; each cell shows its value
 * type-faithfully with a type badge.
 */
export function ResultsGrid(props: ResultsGridProps) {
  const { total, attributes, table: modelTable, sort } = props;
  const decode = useMemo(() => entityDecoder(modelTable), [modelTable]);
  const keyNames = useMemo(() => new Set(modelTable ? keyAttributes(modelTable).map((k) => k.name) : []), [modelTable]);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({ id: ENTITY_COLUMN, header: ENTITY_COLUMN, size: 130 }),
        ...attributes.map((name) => helper.display({ id: name, header: name, size: keyNames.has(name) ? 260 : 180 })),
      ]),
    [attributes, keyNames],
  );
  const table = useTable({ features, columns, data: NO_DATA, columnResizeMode: 'onChange' });
  const scrollRef = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new read, or a new order, starts at the top
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [props.generation, sort?.column, sort?.descending]);
  // Marks for bench/grid.mjs: the grid's commit and the paint after it, for each new set of rows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision: the rows changed
  useLayoutEffect(() => {
    if (total === 0) return;
    performance.mark('grid-commit');
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.mark('grid-painted');
      channel.port2.postMessage(0);
    });
  }, [props.revision, total]);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const orderKey = headers.map((h) => h.column.id).join('\u0000');
  const widthKey = headers.map((h) => h.getSize()).join(',');
  // Stable arrays while the columns keep their order and widths, so rows that did not change are not rendered again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by their contents
  const order = useMemo(() => headers.map((h) => h.column.id), [orderKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by their contents
  const widths = useMemo(() => headers.map((h) => h.getSize()), [widthKey]);
  const width = table.getTotalSize() + SELECT_WIDTH;
  const allSelected = total > 0 && selectedCount(props.selection, total) === total;
  const gridId = useId();
  return (
    <div className="results-grid" ref={scrollRef}>
      <ColumnWidths gridId={gridId} widths={widths} width={width} />
      <table
        className="grid-table"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an ARIA grid of rows you select and open (the WAI-ARIA data grid pattern); table elements give its row/columnheader/gridcell structure
        role="grid"
        aria-label="Results"
        aria-rowcount={total + 1}
        aria-colcount={headers.length + 1}
        aria-multiselectable="true"
        data-grid={gridId}
      >
        <GridHeader
          table={table}
          orderKey={orderKey}
          widthKey={widthKey}
          keyNames={keyNames}
          sort={sort}
          canSort={props.canSort}
          onSort={props.onSort}
          allSelected={allSelected}
          onToggleAll={props.onToggleAll}
        />
        <GridBody
          scrollRef={scrollRef}
          total={total}
          revision={props.revision}
          columns={order}
          widths={widths}
          decode={decode}
          selection={props.selection}
          openId={props.openId}
          onToggleSelected={props.onToggleSelected}
          onOpen={props.onOpen}
        />
      </table>
      {total === 0 && <div className="grid-empty muted">No items.</div>}
    </div>
  );
}

/**
 * Every column's width (and the rows' width) as one style rule per column, written again only when a width changes:
 * cells carry no inline style, so a row that scrolls into view only changes its text.
 */
const ColumnWidths = memo(function ColumnWidths(props: { gridId: string; widths: readonly number[]; width: number }) {
  const scope = `.grid-table[data-grid="${CSS.escape(props.gridId)}"]`;
  const rules = [
    `${scope}, ${scope} .grid-header, ${scope} .grid-body, ${scope} .grid-row { width: ${props.width}px; }`,
    `${scope} .select-cell { width: ${SELECT_WIDTH}px; }`,
    ...props.widths.map((w, i) => `${scope} .col-${i} { width: ${w}px; }`),
  ];
  return <style>{rules.join('\n')}</style>;
});

interface BodyProps {
  scrollRef: RefObject<HTMLDivElement | null>;
  total: number;
  revision: number;
  columns: readonly string[];
  widths: readonly number[];
  decode: (item: Item) => string | undefined;
  selection: Selection;
  openId: number | undefined;
  onToggleSelected: (id: number, position: number, range: boolean) => void;
  onOpen: (id: number) => void;
}

/**
 * The rows in view. The virtualizer's scroll state lives here, so scrolling renders this body and not the table, its
 * header or its column model; rows still in view keep their props and are not rendered again. (Rows keyed by slot,
 * reusing the DOM of rows that scrolled out, measured no faster: React then moves those rows in the DOM.)
 */
const GridBody = memo(function GridBody(props: BodyProps) {
  const { total, decode, selection, openId } = props;
  const tick = useSyncExternalStore(rowWindows.subscribe, rowWindows.version);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => props.scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const first = virtualRows[0]?.index ?? 0;
  const last = virtualRows.at(-1)?.index ?? 0;
  // The windows around the rows in view (half a window either side), fetched when missing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and revision: windows arrived or were dropped
  useEffect(() => {
    if (total > 0) void rowWindows.ensure(Math.max(0, first - WINDOW_ROWS / 2), last + WINDOW_ROWS / 2);
  }, [first, last, total, tick, props.revision]);
  return (
    <tbody className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
      {virtualRows.map((v) => {
        const row = rowWindows.rowAt(v.index);
        return (
          <GridRow
            key={v.index}
            position={v.index}
            row={row}
            columns={props.columns}
            widths={props.widths}
            entity={row ? decode(row.item) : undefined}
            selected={row ? isSelected(selection, row.id) : false}
            open={row !== undefined && openId === row.id}
            onToggle={props.onToggleSelected}
            onOpen={props.onOpen}
          />
        );
      })}
    </tbody>
  );
});

type GridTable = ReturnType<typeof useTable<typeof features, Item>>;

interface HeaderProps {
  table: GridTable;
  /** The columns' order and widths as text: the header renders again only when they (or the props below) change. */
  orderKey: string;
  widthKey: string;
  keyNames: ReadonlySet<string>;
  sort: ResultSort | undefined;
  canSort: boolean;
  onSort: (sort: ResultSort | undefined) => void;
  allSelected: boolean;
  onToggleAll: () => void;
}

/** The header row: every column (sort, drag to reorder, resize); not rendered again while the rows scroll. */
const GridHeader = memo(function GridHeader(props: HeaderProps) {
  const { table, sort, keyNames } = props;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const [dragging, setDragging] = useState<string>();
  const onDrop = (target: string) => (e: DragEvent) => {
    e.preventDefault();
    if (!dragging || dragging === target) return;
    const next = headers.map((h) => h.column.id).filter((id) => id !== dragging);
    next.splice(next.indexOf(target), 0, dragging);
    table.setColumnOrder(next);
    setDragging(undefined);
  };
  return (
    <thead className="grid-head">
      <tr className="grid-header" aria-rowindex={1}>
        <th className="grid-cell select-cell" aria-label="Select">
          <input
            type="checkbox"
            aria-label="Select all rows"
            checked={props.allSelected}
            onChange={props.onToggleAll}
          />
        </th>
        {headers.map((header, i) => {
          const column = header.column;
          const sorted = sort?.column === column.id ? (sort.descending ? 'desc' : 'asc') : false;
          return (
            <th
              key={header.id}
              className={`grid-cell header-cell col-${i}${keyNames.has(column.id) ? ' key-column' : ''}${dragging === column.id ? ' dragging' : ''}`}
              aria-label={column.id}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              draggable
              onDragStart={(e) => {
                setDragging(column.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={onDrop(column.id)}
              onDragEnd={() => setDragging(undefined)}
            >
              <button
                type="button"
                className="header-button"
                title={
                  props.canSort
                    ? `Sort by ${column.id} (drag to reorder)`
                    : 'Sorting waits for the read to finish (drag to reorder)'
                }
                aria-disabled={!props.canSort}
                onClick={() => props.canSort && props.onSort(nextSort(sort, column.id))}
              >
                <span className="header-name">{column.id}</span>
                {keyNames.has(column.id) && <span className="key-mark">key</span>}
                <span className="sort-mark" aria-hidden="true">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                </span>
              </button>
              {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer handle; widths also follow the keyboard-free default */}
              <div
                className={`resize-handle${column.getIsResizing() ? ' resizing' : ''}`}
                onMouseDown={header.getResizeHandler()}
                onTouchStart={header.getResizeHandler()}
                onDoubleClick={() => column.resetSize()}
              />
            </th>
          );
        })}
      </tr>
    </thead>
  );
});

interface RowProps {
  /** Position in the result's order (0-based). */
  position: number;
  /** Undefined while its window is being fetched. */
  row: WindowRow | undefined;
  columns: readonly string[];
  widths: readonly number[];
  entity: string | undefined;
  selected: boolean;
  open: boolean;
  onToggle: (id: number, position: number, range: boolean) => void;
  onOpen: (id: number) => void;
}

const GridRow = memo(function GridRow(props: RowProps) {
  const { row, position } = props;
  const rowIndex = position + 2;
  const style = { transform: `translateY(${position * ROW_HEIGHT}px)` };
  if (!row) {
    // A row whose window is on its way: the row box only (no cells to lay out or paint).
    return (
      <tr className="grid-row loading-row" aria-rowindex={rowIndex} aria-busy="true" style={style}>
        <td className="grid-cell select-cell" />
      </tr>
    );
  }
  const { item, id } = row;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') props.onOpen(id);
    if (e.key === ' ') {
      e.preventDefault();
      props.onToggle(id, position, e.shiftKey);
    }
  };
  return (
    <tr
      className={`grid-row${props.selected ? ' selected' : ''}${props.open ? ' open' : ''}`}
      aria-rowindex={rowIndex}
      aria-selected={props.selected}
      tabIndex={-1}
      style={style}
      onClick={() => props.onOpen(id)}
      onKeyDown={onKey}
    >
      <td className="grid-cell select-cell">
        <input
          type="checkbox"
          aria-label={`Select row ${rowIndex - 1}`}
          checked={props.selected}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggle(id, position, e.shiftKey);
          }}
          onChange={() => undefined}
        />
      </td>
      {props.columns.map((name, i) =>
        name === ENTITY_COLUMN ? (
          <td key={name} className={`grid-cell entity-cell col-${i}`} aria-colindex={i + 2}>
            <span className={props.entity ? 'cell-text' : 'cell-text faint'}>{props.entity ?? '—'}</span>
          </td>
        ) : (
          <Cell key={name} value={item[name]} width={props.widths[i] ?? 120} column={i} />
        ),
      )}
    </tr>
  );
});

/** Each value's badge and text, computed once per value object (a window's rows keep theirs while cached). */
const cellTexts = new WeakMap<AttributeValue, { tag: string; text: string }>();

function cellText(value: AttributeValue): { tag: string; text: string } {
  let out = cellTexts.get(value);
  if (!out) {
    out = { tag: typeTag(value), text: displayValue(value) };
    cellTexts.set(value, out);
  }
  return out;
}

/** A value's cell: its type badge and its text; its width comes from its column's class (no inline style). */
function Cell({ value, width, column }: { value: AttributeValue | undefined; width: number; column: number }) {
  const className = `grid-cell col-${column}`;
  const colIndex = column + 2;
  if (value === undefined) {
    return (
      <td className={className} aria-colindex={colIndex}>
        <span className="cell-text" />
      </td>
    );
  }
  const { tag, text } = cellText(value);
  // Laying out text nobody sees costs as much as the text shown: only what fits the column is in the DOM.
  const fits = Math.ceil(width / PX_PER_CHAR);
  return (
    <td className={className} aria-colindex={colIndex} title={text}>
      <span className={`type-badge t-${tag}`} title={`type ${tag}`}>
        {tag}
      </span>
      <span className="cell-text">{text.length > fits ? `${text.slice(0, fits)}…` : text}</span>
    </td>
  );
}
