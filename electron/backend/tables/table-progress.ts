/** Progress of a control-plane operation, for a progress line in the CLI or the UI. */
export interface TableProgress {
  table: string;
  phase: 'creating' | 'waiting' | 'ttl' | 'indexing' | 'deleting' | 'done';
  /** TableStatus / IndexStatus as DynamoDB reports it, when known. */
  status?: string;
  index?: string;
  elapsedMs: number;
  message: string;
}

export interface TableWorkOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TableProgress) => void;
}
