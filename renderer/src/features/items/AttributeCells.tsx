import type { AttributeValue } from '../../../../shared/model/attribute-value.js';
import { formatValue, typeOf } from '../../components/format-value.js';
import { TypeBadge } from './TypeBadge.js';

/** One cell per attribute: its name above, its type badge and its value (type-faithful text) below. */
export function AttributeCells({ attributes }: { attributes: readonly (readonly [string, AttributeValue])[] }) {
  return (
    <>
      {attributes.map(([name, value]) => {
        const text = formatValue(value);
        return (
          <span className="attr-cell" key={name} title={`${name} (${typeOf(value)}): ${text}`}>
            <span className="attr-name">{name}</span>
            <span className="attr-value">
              <TypeBadge type={typeOf(value)} />
              <span className="attr-text">{text}</span>
            </span>
          </span>
        );
      })}
    </>
  );
}

/** A key value in its own cell (partition or sort key), with its type. */
export function KeyCell({ label, value }: { label: string; value: AttributeValue | undefined }) {
  if (!value) return <span className="key-cell faint">—</span>;
  const text = formatValue(value);
  return (
    <span className="key-cell" title={`${label}: ${text}`}>
      <TypeBadge type={typeOf(value)} />
      <span className="attr-text mono">{text}</span>
    </span>
  );
}
