import type { Item } from '../../../../shared/model/attribute-value.js';
import type { Model } from '../../../../shared/model/schema.js';
import { callApi } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';
import { entityDecoder, valuesByName } from '../results/values.js';

/** Values seen in the live rows of a table, by attribute and key-template parameter name, per entity. */
export interface LiveValues {
  table: string;
  /** name → values (every entity). */
  all: Map<string, string[]>;
  /** entity → name → values (so a pattern on Message is offered groups that have messages). */
  byEntity: Map<string, Map<string, string[]>>;
}

const store = createStore<LiveValues | undefined>(undefined);
let loading: Promise<LiveValues> | undefined;

export function useLiveValues(): LiveValues | undefined {
  return useStore(store);
}

/** Forgets the sampled values (after a seed, a delete or another connection). */
export function forgetLiveValues(): void {
  generation++;
  loading = undefined;
  store.set(undefined);
}

/** Bumped when values are forgotten, so a sample read before (e.g. during a seed) is not stored after. */
let generation = 0;

const SAMPLE = 500;

/** Reads a sample of the table's rows (a Scan of up to 500 items, apart from the results) for value pickers. */
export function sampleLiveValues(model: Model, connectionId: string, tableName: string): Promise<LiveValues> {
  const current = store.get();
  if (current?.table === tableName) return Promise.resolve(current);
  const asked = generation;
  loading ??= (async () => {
    try {
      const { result } = await callApi('operation.scan', {
        connectionId,
        model,
        table: tableName,
        all: true,
        maxItems: SAMPLE,
      });
      const values = index(model, tableName, result.items);
      if (asked === generation) store.set(values);
      return values;
    } finally {
      if (asked === generation) loading = undefined;
    }
  })();
  return loading;
}

function index(model: Model, tableName: string, items: readonly Item[]): LiveValues {
  const table = model.tables.find((t) => t.name === tableName);
  const decode = entityDecoder(table);
  const byEntity = new Map<string, Map<string, string[]>>();
  for (const entity of table?.entities ?? []) {
    byEntity.set(
      entity.name,
      valuesByName(
        table,
        items.filter((item) => decode(item) === entity.name),
      ),
    );
  }
  return { table: tableName, all: valuesByName(table, items), byEntity };
}
