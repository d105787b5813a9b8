import { Handle, type NodeProps, Position } from '@xyflow/react';
import { entityColor } from '../../components/entity-color.js';
import type { EntityNodeData, IndexNodeData, TableNodeData } from './diagram-layout.js';

/** The React Flow node bodies: a table container, an entity with its key templates, an index with its key set. */

export function TableNode({ data }: NodeProps & { data: TableNodeData }) {
  return (
    <div className="dg-table">
      <div className="dg-table-head">
        <span className="dg-kind">Table</span>
        <strong className="dg-table-name">{data.name}</strong>
        <span className="dg-keys mono">
          PK {data.partitionKey}
          {data.sortKey && ` · SK ${data.sortKey}`}
        </span>
      </div>
      <div className="dg-settings">
        {data.settings.map((s) => (
          <span key={s} className="dg-setting">
            {s}
          </span>
        ))}
      </div>
    </div>
  );
}

export function EntityNode({ data, selected }: NodeProps & { data: EntityNodeData }) {
  const colour = entityColor(data.name);
  return (
    <div className={`dg-entity ${selected ? 'is-selected' : ''}`} style={{ borderTopColor: colour.color }}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="dg-entity-head" style={{ background: colour.background }}>
        <strong style={{ color: colour.color }}>{data.name}</strong>
        <span className="faint">
          {data.attributeCount} attrs · {data.sampleCount} samples
        </span>
      </div>
      <table className="dg-key-table">
        <tbody>
          {data.keys.map((key) => (
            <tr key={`${key.index}:${key.role}`} className={key.template === undefined ? 'is-absent' : ''}>
              <th
                scope="row"
                title={
                  key.index === 'table'
                    ? `table ${key.role}`
                    : `${key.role} of ${key.indexKind.toUpperCase()} ${key.index}`
                }
              >
                {key.role}
                {key.index !== 'table' && <span className="dg-key-index"> · {key.index}</span>}
              </th>
              <td className="dg-attr mono">{key.attribute}</td>
              <td className="dg-template mono">{key.template ?? 'not in index'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export function IndexNode({ data, selected }: NodeProps & { data: IndexNodeData }) {
  const sparse = data.members.length < data.entityCount;
  return (
    <div className={`dg-index ${selected ? 'is-selected' : ''}`}>
      <div className="dg-index-head">
        <span className="dg-kind">{data.indexKind === 'gsi' ? 'GSI' : 'LSI'}</span>
        <strong>{data.name}</strong>
      </div>
      <div className="dg-index-body mono">
        <div>PK {data.partitionKey}</div>
        {data.sortKey && <div>SK {data.sortKey}</div>}
        <div className="faint">projection {data.projection}</div>
      </div>
      <div className={`dg-index-members ${sparse ? 'is-sparse' : ''}`}>
        {data.members.length} of {data.entityCount} entities{sparse ? ' (sparse)' : ''}
      </div>
    </div>
  );
}
