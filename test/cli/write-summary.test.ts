import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeSummary } from '../../electron/cli/commands/read-output.js';
import type { OperationResult } from '../../shared/api/methods/operations.js';

function summaryOf(result: Partial<OperationResult>, items = 0): string {
  let text = '';
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const base: OperationResult = {
    operation: 'Query',
    items: [],
    count: 0,
    scannedCount: 0,
    pages: 1,
    consumedCapacity: 1,
    truncated: false,
  };
  writeSummary(
    { stdout: stderr, stderr, cwd: '.', debug: false, signal: new AbortController().signal },
    { ...base, ...result },
    items,
  );
  return text;
}

describe('summaries say what happened', () => {
  it('writes count items written, not items read', () => {
    expect(summaryOf({ operation: 'PutItem', itemsWritten: 1 })).toBe(
      'PutItem: 1 item written, 1 capacity unit(s) consumed\n',
    );
    expect(summaryOf({ operation: 'UpdateItem', itemsWritten: 1, consumedCapacity: 2 })).toBe(
      'UpdateItem: 1 item written, 2 capacity unit(s) consumed\n',
    );
    expect(summaryOf({ operation: 'TransactWriteItems', itemsWritten: 3, consumedCapacity: 6 })).toBe(
      'TransactWriteItems: 3 items written, 6 capacity unit(s) consumed\n',
    );
  });

  it('a delete says it may have found nothing, unless the old item came back', () => {
    expect(summaryOf({ operation: 'DeleteItem', itemsWritten: 1 })).toBe(
      'DeleteItem: 1 item deleted (if it existed), 1 capacity unit(s) consumed\n',
    );
    expect(summaryOf({ operation: 'DeleteItem', itemsWritten: 1, attributes: { pk: { S: 'a' } } })).toBe(
      'DeleteItem: 1 item deleted, 1 capacity unit(s) consumed\nattributes: {"pk":{"S":"a"}}\n',
    );
  });

  it('reads keep their figures: items, pages, scanned, and the key to continue', () => {
    expect(
      summaryOf(
        { count: 2, scannedCount: 5, pages: 1, lastEvaluatedKey: { pk: { S: 'k' } }, consumedCapacity: 0.5 },
        2,
      ),
    ).toBe(
      'Query: 2 item(s), 1 page(s), 5 scanned, 0.5 capacity unit(s) consumed\nmore items: continue with --start-key \'{"pk":{"S":"k"}}\' (or --all)\n',
    );
  });
});
