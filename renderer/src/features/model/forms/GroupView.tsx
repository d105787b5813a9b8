import type { Table } from '../../../../../shared/model/schema.js';
import { entityColor } from '../../../components/entity-color.js';
import { joinPath } from '../../../state/json-path.js';
import { select } from '../../../state/selection.js';
import { addEntity, addIndex, addPattern } from '../model-edits.js';
import type { GroupKind } from '../tree-nodes.js';
import { FormHeader } from './FormSection.js';

/** The list behind a group row of the tree (indexes, entities, access patterns), with its Add buttons. */
export function GroupView({ table, tablePath, group }: { table: Table; tablePath: string; group: GroupKind }) {
  if (group === 'indexes') {
    const rows = [
      ...(table.globalSecondaryIndexes ?? []).map((g, i) => ({
        name: g.name,
        kind: 'GSI',
        keys: [g.partitionKey.name, g.sortKey?.name].filter(Boolean).join(', '),
        projection: g.projection.type,
        path: joinPath(tablePath, 'globalSecondaryIndexes', i),
      })),
      ...(table.localSecondaryIndexes ?? []).map((l, i) => ({
        name: l.name,
        kind: 'LSI',
        keys: `${table.partitionKey.name}, ${l.sortKey.name}`,
        projection: l.projection.type,
        path: joinPath(tablePath, 'localSecondaryIndexes', i),
      })),
    ];
    return (
      <div className="form">
        <FormHeader kind={table.name} title="Indexes">
          <button type="button" className="button" onClick={() => addIndex(tablePath, 'gsi')}>
            Add GSI
          </button>
          <button type="button" className="button" onClick={() => addIndex(tablePath, 'lsi')}>
            Add LSI
          </button>
        </FormHeader>
        <table className="list-table">
          <thead>
            <tr>
              <th scope="col">Index</th>
              <th scope="col">Kind</th>
              <th scope="col">Keys</th>
              <th scope="col">Projection</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.path}>
                <td>
                  <button
                    type="button"
                    className="link mono"
                    onClick={() => select({ kind: 'index', table: table.name, name: r.name, path: r.path })}
                  >
                    {r.name}
                  </button>
                </td>
                <td>{r.kind}</td>
                <td className="mono">{r.keys}</td>
                <td>{r.projection}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted">No secondary indexes: every read goes through the table's keys.</p>}
      </div>
    );
  }
  if (group === 'entities') {
    return (
      <div className="form">
        <FormHeader kind={table.name} title="Entities">
          <button type="button" className="button" onClick={() => addEntity(tablePath)}>
            Add entity
          </button>
        </FormHeader>
        <table className="list-table">
          <thead>
            <tr>
              <th scope="col">Entity</th>
              {[table.partitionKey.name, table.sortKey?.name].filter(Boolean).map((k) => (
                <th scope="col" key={k} className="mono">
                  {k}
                </th>
              ))}
              <th scope="col">Attributes</th>
            </tr>
          </thead>
          <tbody>
            {table.entities.map((e, i) => (
              <tr key={joinPath(tablePath, 'entities', i)}>
                <td>
                  <button
                    type="button"
                    className="link"
                    style={{ color: entityColor(e.name).color }}
                    onClick={() =>
                      select({
                        kind: 'entity',
                        table: table.name,
                        name: e.name,
                        path: joinPath(tablePath, 'entities', i),
                      })
                    }
                  >
                    {e.name}
                  </button>
                </td>
                <td className="mono">{e.keys[table.partitionKey.name] ?? '—'}</td>
                {table.sortKey && <td className="mono">{e.keys[table.sortKey.name] ?? '—'}</td>}
                <td>{e.attributes.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="form">
      <FormHeader kind={table.name} title="Access patterns">
        <button type="button" className="button" onClick={() => addPattern(tablePath)}>
          Add access pattern
        </button>
      </FormHeader>
      <table className="list-table">
        <thead>
          <tr>
            <th scope="col">Pattern</th>
            <th scope="col">Entity</th>
            <th scope="col">Operation</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {table.accessPatterns.map((p, i) => (
            <tr key={joinPath(tablePath, 'accessPatterns', i)}>
              <td>
                <button
                  type="button"
                  className="link mono"
                  onClick={() =>
                    select({
                      kind: 'pattern',
                      table: table.name,
                      name: p.name,
                      path: joinPath(tablePath, 'accessPatterns', i),
                    })
                  }
                >
                  {p.name}
                </button>
              </td>
              <td style={{ color: entityColor(p.entity).color }}>{p.entity}</td>
              <td>{p.kind}</td>
              <td className="muted">{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
