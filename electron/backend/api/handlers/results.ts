import type { Contract } from '../../../../shared/api/contract.js';
import type { PageEvent } from '../../../../shared/api/methods/operations.js';
import { entityDecoder } from '../../../../shared/keys/entity-decoder.js';
import { findTable } from '../../../../shared/model/find-table.js';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { MonotableError } from '../../../../shared/errors/monotable-error.js';
import { writeStreamAtomic } from '../../files/atomic-write.js';
import { defaultFileScope } from '../../files/file-scope.js';
import { writeTarget } from '../../files/text-file.js';
import { writeExport } from '../../results/export-stream.js';
import type { ResultSet } from '../../results/result-set.js';
import { closeResultSet, createResultSet, getResultSet } from '../../results/result-store.js';
import type { HandlerContext, Handlers } from '../handler.js';
import { operationHandlers } from './operations.js';

type ResultsArea = Pick<
  Contract,
  | 'results.create'
  | 'results.read'
  | 'results.window'
  | 'results.rows'
  | 'results.sort'
  | 'results.edit'
  | 'results.export'
  | 'results.close'
>;

function shape(set: ResultSet) {
  return { total: set.total, attributes: set.attributes(), version: set.version };
}

/**
 * The results area: a read's rows go into a backend result set (electron/backend/results) instead of the caller,
 * which asks for windows of them; the read itself is the operations area's handler, streaming its pages here.
 */
export const resultHandlers: Handlers<ResultsArea> = {
  async 'results.create'({ keyNames, items }) {
    const set = await createResultSet(keyNames ?? []);
    if (items) await set.append(items);
    return { resultId: set.id, ...shape(set) };
  },
  async 'results.read'({ resultId, connectionId, read, maxItems, more }, ctx) {
    const set = getResultSet(resultId);
    set.busy = true;
    const paging = {
      connectionId,
      all: true,
      stream: true,
      ...(maxItems !== undefined && { maxItems }),
      ...(more && set.lastEvaluatedKey && { exclusiveStartKey: set.lastEvaluatedKey }),
    };
    let attributes = set.attributeCount;
    const pages: HandlerContext<PageEvent> = {
      signal: ctx.signal,
      async emit(page) {
        await set.append(page.pageItems ?? []);
        set.lastEvaluatedKey = page.lastEvaluatedKey;
        const changed = set.attributeCount !== attributes;
        attributes = set.attributeCount;
        return ctx.emit({
          total: set.total,
          attributes: changed ? set.attributes() : [],
          version: set.version,
          count: page.count,
          scannedCount: page.scannedCount,
          consumedCapacity: page.consumedCapacity,
          ...(page.lastEvaluatedKey && { lastEvaluatedKey: page.lastEvaluatedKey }),
        });
      },
    };
    try {
      const { request, result } =
        read.method === 'operation.runPattern'
          ? await operationHandlers['operation.runPattern']({ ...read.input, ...paging }, pages)
          : read.method === 'operation.query'
            ? await operationHandlers['operation.query']({ ...read.input, ...paging }, pages)
            : await operationHandlers['operation.scan']({ ...read.input, ...paging }, pages);
      // A pattern served by GetItem or BatchGetItem has no pages: its items come with the result.
      if (result.items.length > 0) await set.append(result.items as Item[]);
      set.lastEvaluatedKey = result.lastEvaluatedKey as Item | undefined;
      await set.settle();
      return {
        ...shape(set),
        request,
        count: result.count,
        scannedCount: result.scannedCount,
        consumedCapacity: result.consumedCapacity,
        pages: result.pages,
        ...(result.lastEvaluatedKey && { lastEvaluatedKey: result.lastEvaluatedKey as Item }),
      };
    } finally {
      set.busy = false;
      await set.settle().catch(() => undefined);
    }
  },
  async 'results.window'({ resultId, offset, count }) {
    const set = getResultSet(resultId);
    const rows = await set.window(offset, count);
    return { ...shape(set), rows };
  },
  async 'results.rows'({ resultId, ids }) {
    return { rows: await getResultSet(resultId).rows(ids) };
  },
  async 'results.sort'({ resultId, column, descending, entity }, { signal }) {
    const set = getResultSet(resultId);
    if (column === undefined) await set.sort(undefined, signal);
    else {
      const decode = entity ? entityDecoder(findTable(entity.model, entity.table)) : undefined;
      const key = decode
        ? (item: Item) => {
            const name = decode(item);
            return name === undefined ? undefined : { S: name };
          }
        : undefined;
      await set.sort({ column, descending: descending === true, ...(key && { key }) }, signal);
    }
    return shape(set);
  },
  async 'results.edit'({ resultId, replace, append, remove }) {
    const set = getResultSet(resultId);
    if (replace) await set.replace(replace);
    const appended = append ? await set.append(append) : [];
    if (remove) set.remove(remove);
    return { ...shape(set), appended };
  },
  async 'results.export'({ resultId, format, path, force }, ctx) {
    const set = getResultSet(resultId);
    const { real, special } = await writeTarget(ctx.files ?? defaultFileScope(), path, force);
    if (special)
      throw new MonotableError('BAD_INPUT', `${real} is a pipe or a device; an export is written to a file.`, {
        file: real,
        hint: 'Choose a file name.',
      });
    set.busy = true;
    try {
      const { value: rows, bytes } = await writeStreamAtomic(real, (out) => writeExport(set, format, out), ctx.signal);
      return { path: real, rows, bytes };
    } finally {
      set.busy = false;
    }
  },
  async 'results.close'({ resultId }) {
    return { closed: await closeResultSet(resultId) };
  },
};
