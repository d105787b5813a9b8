/** Capacity units of a ConsumedCapacity answer: one object (Query, Get, Put…) or one per table (BatchGet, Transact). */
export function capacityUnits(consumed: unknown): number {
  if (Array.isArray(consumed)) return consumed.reduce<number>((sum, c) => sum + capacityUnits(c), 0);
  if (typeof consumed === 'object' && consumed !== null) {
    const units = (consumed as { CapacityUnits?: unknown }).CapacityUnits;
    return typeof units === 'number' ? units : 0;
  }
  return 0;
}
