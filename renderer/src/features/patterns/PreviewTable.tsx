import type { Table } from '../../../../shared/model/schema.js';
import type { PreviewResult } from '../../../../shared/preview/index.js';
import { entityColor } from '../../components/entity-color.js';
import { AttributeCells, KeyCell } from '../items/AttributeCells.js';
import { entityOfItem } from '../items/entity-of-item.js';

const MAX_ROWS = 200;

/** The rows a pattern returns over the sample items, with count and scanned count (what the Query is charged for). */
export function PreviewTable({ table, result }: { table: Table; result: PreviewResult }) {
  const pk = table.partitionKey.name;
  const sk = table.sortKey?.name;
  const isWrite = ['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems'].includes(result.operation);
  const rows = result.items.slice(0, MAX_ROWS);
  return (
    <div className="preview">
      <p className="preview-counts" role="status" aria-label="Preview result">
        {isWrite
          ? `${result.items.length} ${result.items.length === 1 ? 'item' : 'items'} written`
          : `${result.count} ${result.count === 1 ? 'item' : 'items'} returned, ${result.scannedCount} read`}
        {!isWrite && result.readUnits > 0 && ` · ${result.readUnits} RCU over the sample items`}
        {result.lastEvaluatedKey && ' · more pages (LastEvaluatedKey set)'}
        {result.items.length > MAX_ROWS && ` · first ${MAX_ROWS} shown`}
      </p>
      {rows.length > 0 && (
        <table className="preview-table" aria-label="Preview rows">
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col">{pk}</th>
              {sk && <th scope="col">{sk}</th>}
              <th scope="col">Attributes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item, i) => {
              const entity = entityOfItem(table, item)?.name;
              const colour = entity ? entityColor(entity) : undefined;
              const attributes = Object.entries(item).filter(([name]) => name !== pk && name !== sk);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are the result list in order; keys may repeat across entities
                <tr key={i} style={{ boxShadow: colour ? `inset 3px 0 0 ${colour.color}` : undefined }}>
                  <td>
                    <span className="entity-chip" style={{ color: colour?.color, background: colour?.background }}>
                      {entity ?? '?'}
                    </span>
                  </td>
                  <td>
                    <KeyCell label={pk} value={item[pk]} />
                  </td>
                  {sk && (
                    <td>
                      <KeyCell label={sk} value={item[sk]} />
                    </td>
                  )}
                  <td>
                    <div className="items-attrs">
                      <AttributeCells attributes={attributes} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
