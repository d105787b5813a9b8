import type { AttributeValue } from '../model/attribute-value.js';

/** The text of a key value (S, N or B as base64): within one table a key attribute always has one type. */
function keyText(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  return JSON.stringify(value);
}

/**
 * The primary keys a plan has produced so far, to find duplicates exactly: partition key text → (sort key text →
 * ordinal of the first item). Holds the texts the items already carry, so a key costs no new string.
 */
export class SeenKeys {
  private readonly byPartition = new Map<string, number | Map<string, number>>();

  constructor(private readonly hasSortKey: boolean) {}

  /** The ordinal of an earlier item with the same key, or undefined (and the key is recorded under `ordinal`). */
  firstOrdinal(
    partition: AttributeValue | undefined,
    sort: AttributeValue | undefined,
    ordinal: number,
  ): number | undefined {
    const pk = keyText(partition);
    if (!this.hasSortKey) {
      const first = this.byPartition.get(pk) as number | undefined;
      if (first === undefined) this.byPartition.set(pk, ordinal);
      return first;
    }
    let sorts = this.byPartition.get(pk) as Map<string, number> | undefined;
    if (sorts === undefined) this.byPartition.set(pk, (sorts = new Map()));
    const sk = keyText(sort);
    const first = sorts.get(sk);
    if (first === undefined) sorts.set(sk, ordinal);
    return first;
  }
}
