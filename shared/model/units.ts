/** Capacity arithmetic (DynamoDB developer guide, "Capacity unit sizes" and read/write operations). */
export const READ_UNIT_BYTES = 4096;
export const WRITE_UNIT_BYTES = 1024;

export type ReadConsistency = 'eventual' | 'strong' | 'transactional';

/** Units per 4 KB read: eventually consistent 0.5, strongly consistent 1, transactional 2. */
export const READ_FACTOR: Record<ReadConsistency, number> = { eventual: 0.5, strong: 1, transactional: 2 };

/** Read units for `bytes` read in one request: rounded up to the next 4 KB, at least one 4 KB block. */
export function readUnits(bytes: number, consistency: ReadConsistency): number {
  return Math.max(1, Math.ceil(bytes / READ_UNIT_BYTES)) * READ_FACTOR[consistency];
}

/** Write units for one item write: rounded up to the next 1 KB (at least 1), doubled in a transaction. */
export function writeUnits(bytes: number, transactional = false): number {
  return Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES)) * (transactional ? 2 : 1);
}
