import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type DragEvent, type KeyboardEvent, memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AttributeValue, Item } from '../../../../shared/model/attribute-value.js';
import { keyAttributes } from '../../../../shared/model/indexes.js';
import type { Table } from '../../../../shared/model/schema.js';
import { compareCells, displayValue, entityDecoder, typeTag } from './values.js';

const features = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  columnOrderingFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
});

const helper = createColumnHelper<typeof features, Item>();

export const ENTITY_COLUMN = 'Entity';
const ROW_HEIGHT = 28;

export interface ResultsGridProps {
  items: readonly Item[];
  /** Attribute names in order of first appearance. */
  attributes: readonly string[];
  /** The model's table (key columns first, the entity decoded from its key templates). */
  table: Table | undefined;
  /** Bumps on every new read: the grid scrolls back to the top. */
  generation: number;
  selected: ReadonlySet<number>;
  onToggleSelected: (index: number, range: boolean) => void;
  onToggleAll: () => void;
  openIndex: number | undefined;
  onOpen: (index: number) => void;
}

/** Key attributes first (table keys, then index keys), then every other attribute in order of first appearance. */
export function orderColumns(table: Table | undefined, attributes: readonly string[]): string[] {
  const present = new Set(attributes);
  const first = table ? keyAttributes(table).flatMap((k) => (present.has(k.name) ? [k.name] : [])) : [];
  const keys = new Set(first);
  return [...first, ...attributes.filter((a) => !keys.has(a))];
}

/**
 * The result grid: @tanstack/react-table (sorting, sizing, resizing, ordering) over @tanstack/react-virtual (only
 * the rows in view are in the DOM). An ARIA grid whose column headers are the attribute names; each cell shows its
 * value type-faithfully with a type badge.
 */
export function ResultsGrid(props: ResultsGridProps) {
  const { items, attributes, table: modelTable } = props;
  const decode = useMemo(() => entityDecoder(modelTable), [modelTable]);
  const names = useMemo(() => orderColumns(modelTable, attributes), [modelTable, attributes]);
  const keyNames = useMemo(() => new Set(modelTable ? keyAttributes(modelTable).map((k) => k.name) : []), [modelTable]);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor((item): AttributeValue | undefined => entityValue(decode(item)), {
          id: ENTITY_COLUMN,
          header: ENTITY_COLUMN,
          size: 130,
          sortFn: (a, b) => (decode(a.original) ?? '~').localeCompare(decode(b.original) ?? '~'),
        }),
        ...names.map((name) =>
          helper.accessor((item) => item[name], {
            id: name,
            header: name,
            size: keyNames.has(name) ? 260 : 180,
            sortFn: (a, b) => compareCells(a.original[name], b.original[name]),
          }),
        ),
      ]),
    [names, decode, keyNames],
  );
  const table = useTable({
    features,
    columns,
    data: items as Item[],
    columnResizeMode: 'onChange',
    enableSortingRemoval: true,
    autoResetAll: false,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new read starts at the top
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [props.generation]);
  // Marks for bench/grid.mjs: the grid's commit and the paint after it, for each new set of rows.
  useLayoutEffect(() => {
    if (items.length === 0) return;
    performance.mark('grid-commit');
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.mark('grid-painted');
      channel.port2.postMessage(0);
    });
  }, [items]);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const order = headers.map((h) => h.column.id);
  const [dragging, setDragging] = useState<string>();
  const width = table.getTotalSize() + SELECT_WIDTH;
  const allSelected = items.length > 0 && props.selected.size === items.length;
  const onDrop = (target: string) => (e: DragEvent) => {
    e.preventDefault();
    if (!dragging || dragging === target) return;
    const next = order.filter((id) => id !== dragging);
    next.splice(next.indexOf(target), 0, dragging);
    table.setColumnOrder(next);
    setDragging(undefined);
  };
  return (
    <div className="results-grid" ref={scrollRef}>
      <table
        className="grid-table"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an ARIA grid of rows you select and open (the WAI-ARIA data grid pattern); table elements give its row/columnheader/gridcell structure
        role="grid"
        aria-label="Results"
        aria-rowcount={rows.length + 1}
        aria-colcount={headers.length + 1}
        aria-multiselectable="true"
        style={{ width }}
      >
        <thead className="grid-head">
          <tr className="grid-header" aria-rowindex={1} style={{ width }}>
            <th className="grid-cell select-cell" aria-label="Select" style={{ width: SELECT_WIDTH }}>
              <input type="checkbox" aria-label="Select all rows" checked={allSelected} onChange={props.onToggleAll} />
            </th>
            {headers.map((header) => {
              const column = header.column;
              const sorted = column.getIsSorted();
              return (
                <th
                  key={header.id}
                  className={`grid-cell header-cell${keyNames.has(column.id) ? ' key-column' : ''}${dragging === column.id ? ' dragging' : ''}`}
                  aria-label={column.id}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  style={{ width: header.getSize() }}
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
                    title={`Sort by ${column.id} (drag to reorder)`}
                    onClick={column.getToggleSortingHandler()}
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
        <tbody className="grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index]!;
            return (
              <GridRow
                key={row.id}
                top={v.start}
                rowIndex={v.index + 2}
                index={row.index}
                item={row.original}
                columns={order}
                widths={headers.map((h) => h.getSize())}
                entity={decode(row.original)}
                selected={props.selected.has(row.index)}
                open={props.openIndex === row.index}
                onToggle={props.onToggleSelected}
                onOpen={props.onOpen}
                width={width}
              />
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <div className="grid-empty muted">No items.</div>}
    </div>
  );
}

const SELECT_WIDTH = 34;

function entityValue(name: string | undefined): AttributeValue | undefined {
  return name === undefined ? undefined : { S: name };
}

interface RowProps {
  top: number;
  rowIndex: number;
  index: number;
  item: Item;
  columns: readonly string[];
  widths: readonly number[];
  entity: string | undefined;
  selected: boolean;
  open: boolean;
  width: number;
  onToggle: (index: number, range: boolean) => void;
  onOpen: (index: number) => void;
}

const GridRow = memo(function GridRow(props: RowProps) {
  const { item } = props;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') props.onOpen(props.index);
    if (e.key === ' ') {
      e.preventDefault();
      props.onToggle(props.index, e.shiftKey);
    }
  };
  return (
    <tr
      className={`grid-row${props.selected ? ' selected' : ''}${props.open ? ' open' : ''}`}
      aria-rowindex={props.rowIndex}
      aria-selected={props.selected}
      tabIndex={-1}
      style={{ transform: `translateY(${props.top}px)`, width: props.width }}
      onClick={() => props.onOpen(props.index)}
      onKeyDown={onKey}
    >
      <td className="grid-cell select-cell" style={{ width: SELECT_WIDTH }}>
        <input
          type="checkbox"
          aria-label={`Select row ${props.rowIndex - 1}`}
          checked={props.selected}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggle(props.index, e.shiftKey);
          }}
          onChange={() => undefined}
        />
      </td>
      {props.columns.map((name, i) =>
        name === ENTITY_COLUMN ? (
          <td key={name} className="grid-cell entity-cell" style={{ width: props.widths[i] }}>
            {props.entity ? <span className="cell-text">{props.entity}</span> : <span className="faint">—</span>}
          </td>
        ) : (
          <Cell key={name} value={item[name]} width={props.widths[i] ?? 120} />
        ),
      )}
    </tr>
  );
});

function Cell({ value, width }: { value: AttributeValue | undefined; width: number }) {
  if (value === undefined) return <td className="grid-cell" style={{ width }} />;
  const tag = typeTag(value);
  const text = displayValue(value);
  return (
    <td className="grid-cell" style={{ width }} title={text}>
      <span className={`type-badge t-${tag}`} title={`type ${tag}`}>
        {tag}
      </span>
      <span className="cell-text">{text}</span>
    </td>
  );
}
