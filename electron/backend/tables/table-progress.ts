import type { TableProgress } from '../../../shared/api/methods/table.js';

/** Progress of a control-plane operation, for a progress line in the CLI or the UI (the api's event type). */
export type { TableProgress };

export interface TableWorkOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TableProgress) => void;
}
