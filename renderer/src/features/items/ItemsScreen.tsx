import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { entityColor } from '../../components/entity-color.js';
import { useModel } from '../../state/model-store.js';
import { useSelection } from '../../state/selection.js';
import { HelpTip } from '../learn/HelpTip.js';
import { TourCard } from '../learn/TourCard.js';
import { AttributeCells, KeyCell } from './AttributeCells.js';
import { type EditTarget, ItemEditor } from './ItemEditor.js';
import { type ItemRow, itemsView, viewOptions } from './item-view.js';
import { renderedModel } from './rendered-keys.js';
import { StaleKeysNote } from './StaleKeysNote.js';
import './items.css';

const PARTITION_HEIGHT = 30;
const ITEM_HEIGHT = 42;

/**
 * The sample items as NoSQL Workbench's aggregate view shows them, per table and per index: grouped by partition key,
 * sorted by sort key, coloured by entity; an index view is sparse and projected as DynamoDB keeps it.
 */
export function ItemsScreen() {
  const model = useModel();
  const selection = useSelection();
  const [tableChoice, setTableChoice] = useState<string | undefined>(undefined);
  const [viewChoice, setViewChoice] = useState<string>('');
  const [editing, setEditing] = useState<EditTarget | undefined>(undefined);

  const preferredTable = tableChoice ?? selection?.table;
  const tableIndex = Math.max(
    0,
    model.tables.findIndex((t) => t.name === preferredTable),
  );
  const table = model.tables[tableIndex];
  const options = useMemo(() => (table ? viewOptions(table) : []), [table]);
  const option = options.find((o) => o.value === viewChoice) ?? options[0];
  const view = useMemo(
    () => (table && option ? itemsView(renderedModel(model).model, tableIndex, option.index) : undefined),
    [model, table, tableIndex, option],
  );

  if (!table || !view || !option) {
    return (
      <section className="screen" aria-labelledby="items-title">
        <header className="screen-header">
          <h1 id="items-title">Items</h1>
        </header>
        <p className="empty">The model has no tables yet. Add a table and entities with sample items in Model.</p>
      </section>
    );
  }
  const isIndex = view.view.kind !== 'table';
  return (
    <section className="screen" aria-labelledby="items-title">
      <header className="screen-header">
        <h1 id="items-title">Items</h1>
        {model.tables.length > 1 && (
          <label className="items-control">
            Table
            <select value={table.name} onChange={(e) => setTableChoice(e.target.value)}>
              {model.tables.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="items-control">
          View
          <select aria-label="View" value={option.value} onChange={(e) => setViewChoice(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <span className="items-summary" aria-live="polite">
          {isIndex
            ? `${view.count} of ${view.tableCount} items in this index`
            : `${view.count} ${view.count === 1 ? 'item' : 'items'}`}
          {' · '}
          {view.partitionCount} {view.partitionCount === 1 ? 'partition' : 'partitions'}
        </span>
        <span className="spacer" />
        <EntityLegend names={table.entities.map((e) => e.name)} />
      </header>
      <StaleKeysNote model={model} />
      {isIndex && <IndexNotes view={view} kind={view.view.kind === 'gsi' ? 'GSI' : 'LSI'} />}
      <ItemsGrid
        rows={view.rows}
        partitionKey={view.view.partitionKey.name}
        sortKey={view.view.sortKey?.name}
        label={`Items of ${option.label}`}
        onEdit={(row) => setEditing({ tableIndex, entityIndex: row.entityIndex, itemIndex: row.itemIndex })}
      />
      <ItemEditor target={editing} onClose={() => setEditing(undefined)} />
      <TourCard />
    </section>
  );
}

function EntityLegend({ names }: { names: string[] }) {
  if (names.length > 12) return null;
  return (
    <ul className="entity-legend" aria-label="Entity colours">
      {names.map((name) => {
        const colour = entityColor(name);
        return (
          <li key={name} style={{ color: colour.color, background: colour.background }}>
            {name}
          </li>
        );
      })}
    </ul>
  );
}

function IndexNotes({ view, kind }: { view: ReturnType<typeof itemsView>; kind: 'GSI' | 'LSI' }) {
  const projection = view.view.projection;
  return (
    <div className="items-notes">
      <span>
        {kind} <HelpTip term={kind === 'GSI' ? 'gsi' : 'lsi'} /> keyed on <code>{view.view.partitionKey.name}</code>
        {view.view.sortKey && (
          <>
            {' '}
            / <code>{view.view.sortKey.name}</code>
          </>
        )}
        . Projection <HelpTip term="projection" /> <strong>{projection.type}</strong>
        {view.projected && <> (entries keep {view.projected.join(', ')})</>}.
      </span>
      {view.absent.length > 0 && (
        <div className="items-absent">
          <strong>
            Sparse <HelpTip term="sparse" />:
          </strong>
          <ul aria-label="Entities absent from this index">
            {view.absent.map((a) => (
              <li key={a.entity}>{a.reason}.</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function ItemsGrid({
  rows,
  partitionKey,
  sortKey,
  label,
  onEdit,
}: {
  rows: ReturnType<typeof itemsView>['rows'];
  partitionKey: string;
  sortKey: string | undefined;
  label: string;
  onEdit: (row: ItemRow) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]!.kind === 'partition' ? PARTITION_HEIGHT : ITEM_HEIGHT),
    overscan: 12,
  });
  if (rows.length === 0) {
    return <p className="empty">No items here. Add sample items to the entities in Model (or seed them).</p>;
  }
  const virtualRows = virtualizer.getVirtualItems();
  const top = virtualRows[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (virtualRows[virtualRows.length - 1]?.end ?? 0);
  return (
    <div className="items-scroller" ref={scroller}>
      <table className="items-table" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col">
              {sortKey ?? '(no sort key)'} {sortKey && <HelpTip term="sk" />}
            </th>
            <th scope="col">Attributes</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr style={{ height: top }}>
              <td colSpan={3} />
            </tr>
          )}
          {virtualRows.map((virtual) => {
            const row = rows[virtual.index]!;
            if (row.kind === 'partition') {
              return (
                <tr key={virtual.key} className="items-partition" aria-rowindex={virtual.index + 2}>
                  <th colSpan={3} scope="row">
                    <span className="faint">{partitionKey}</span> <span className="mono">{row.partition}</span>{' '}
                    <span className="faint">
                      · {row.count} {row.count === 1 ? 'item' : 'items'}
                    </span>
                  </th>
                </tr>
              );
            }
            const colour = row.entity ? entityColor(row.entity) : undefined;
            return (
              <tr
                key={virtual.key}
                className="items-item"
                aria-rowindex={virtual.index + 2}
                onDoubleClick={() => row.entityIndex >= 0 && onEdit(row)}
              >
                <td style={{ boxShadow: colour ? `inset 4px 0 0 ${colour.color}` : undefined }}>
                  <span className="items-entity">
                    <span className="entity-chip" style={{ color: colour?.color, background: colour?.background }}>
                      {row.entity ?? '?'}
                    </span>
                    {row.entityIndex >= 0 && (
                      <button
                        type="button"
                        className="button ghost small items-edit"
                        aria-label={`Edit ${row.entity} item ${row.partition}${row.sortKey ? ` ${textOf(row)}` : ''}`}
                        onClick={() => onEdit(row)}
                      >
                        Edit
                      </button>
                    )}
                  </span>
                </td>
                <td>
                  <KeyCell label={sortKey ?? ''} value={row.sortKey} />
                </td>
                <td>
                  <div className="items-attrs">
                    <AttributeCells attributes={row.attributes} />
                  </div>
                </td>
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr style={{ height: bottom }}>
              <td colSpan={3} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function textOf(row: ItemRow): string {
  const value = row.sortKey;
  if (!value) return '';
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  return '';
}
