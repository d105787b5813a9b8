import type { AttributeTypeName } from '../../../../shared/model/attribute-value.js';
import { TYPE_NAMES } from '../../components/format-value.js';

/** The DynamoDB type of a value as a small badge (S, N, B, BOOL, NULL, SS, NS, BS, L, M), named for screen readers. */
export function TypeBadge({ type }: { type: AttributeTypeName }) {
  return (
    <abbr className={`type-badge type-${type}`} title={TYPE_NAMES[type]}>
      {type}
    </abbr>
  );
}
