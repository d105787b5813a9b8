import { base64ByteLength, MAX_ITEM_BYTES, utf8Length } from '../model/item-size.js';
import { MAX_ATTRIBUTE_NAME_BYTES } from '../model/write-limits.js';
import { matchTemplate, renderTemplate, valueBreaksMatch } from '../keys/template.js';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import { checkDynamoNumber } from '../model/numbers.js';
import type { Attribute, Entity, Table } from '../model/schema.js';
import {
  EntityCache,
  entityDependencies,
  ReportRecorder,
  replay,
  tableKeyDependencies,
  type RecordedReport,
} from './entity-cache.js';
import { keyInfo, MAX_PARTITION_KEY_BYTES, type KeyInfo } from './key-info.js';
import { own, type PathSegment, type Reporter, type RuleContext, type Severity } from './rule-context.js';
import { agreesWithAttributes, scalarText, tagOf, templateFacts, type TemplateFacts } from './sample-key-agreement.js';
import { itemSizeProblem } from './sample-item-size.js';
import { checkSampleValue, isBase64, reportBinary } from './sample-values.js';

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,37})$/;
/** More sample items than a 20 MB model file can hold. */
const ITEMS_PER_ENTITY = 2 ** 22;

/** What the checker knows about one attribute name, looked up once per attribute of an item. */
interface AttributeFacts {
  key?: KeyInfo;
  declared?: Attribute;
  /** The key template of this key attribute, unless it cannot disagree (absent, or a bare parameter of itself). */
  template?: TemplateFacts;
  /** The name is empty or longer than DynamoDB allows: checked once per name, reported for every item. */
  badName?: boolean;
}

/**
 * Checks the sample items of one entity. The current item is held in fields, and paths and labels are built
 * only when something is reported: 10,000 items must validate in a few milliseconds. Everything that depends
 * only on an attribute's name (is it a key, declared, templated, a valid name) is worked out once per name, so an
 * item costs one Map lookup per attribute. Paths start at the item's index (the caller puts them below the
 * entity's sampleItems).
 */
class EntityItemChecker {
  /** One lookup per attribute name; names seen in no key or declaration are added as they are met. */
  private readonly attributes = new Map<string, AttributeFacts>();
  /** Attributes the entity marks required (usually none, so most items skip the check). */
  private readonly required: string[];
  /** 1 + the table's LSIs: an item's size bound is multiplied by it (each LSI entry copies part of the item). */
  private readonly sizeFactor: number;
  private item: Item = {};
  private index = 0;

  constructor(
    private readonly context: Reporter,
    private readonly table: Table,
    private readonly entity: Entity,
    keys: Map<string, KeyInfo>,
  ) {
    for (const [name, key] of keys) this.attributes.set(name, { key });
    for (const declared of entity.attributes)
      this.attributes.set(declared.name, { ...this.attributes.get(declared.name), declared });
    for (const [name, source] of Object.entries(entity.keys)) {
      const parsed = context.template(source);
      // A bare template of the key's own name ({message_group_uuid} for the key message_group_uuid) always agrees.
      const selfKey = parsed.ok && parsed.template.segments.length === 1 && parsed.template.params[0] === name;
      const facts = this.attributes.get(name);
      if (parsed.ok && !selfKey && facts?.key) facts.template = templateFacts(parsed.template);
    }
    this.attributes.forEach((facts, name) => {
      if (isBadName(name)) facts.badName = true;
    });
    this.required = entity.attributes.filter((a) => a.required === true).map((a) => a.name);
    this.sizeFactor = 1 + (table.localSecondaryIndexes?.length ?? 0);
  }

  private label(): string {
    return `Sample item ${this.index} of "${this.entity.name}"`;
  }

  private report(code: string, severity: Severity, at: readonly PathSegment[], message: string, hint: string): void {
    this.context.report(code, severity, [this.index, ...at], `${this.label()}${message}`, hint);
  }

  /** The facts of an attribute name met in an item; a name in no key or declaration gets its own, once. */
  private factsOf(name: string): AttributeFacts {
    let facts = this.attributes.get(name);
    if (!facts) {
      facts = isBadName(name) ? { badName: true } : {};
      this.attributes.set(name, facts);
    }
    return facts;
  }

  /** Primary key values of the last checked item (for duplicate detection); undefined when one is missing. */
  pk: string | undefined;
  sk: string | undefined;

  /** Checks one item. */
  check(item: Item, index: number): void {
    this.item = item;
    this.index = index;
    this.pk = this.primaryPart(this.table.partitionKey.name);
    this.sk = this.table.sortKey ? this.primaryPart(this.table.sortKey.name) : '';
    // one walk over the attributes checks them and adds up the size bound
    let bound = 0;
    for (const name in item) {
      const value = item[name]!;
      // the type tag and text of a scalar from three reads (no for-in over the value, as tagOf does)
      const scalar = value as { S?: string; N?: string; B?: string };
      let text = scalar.S;
      let tag = 'S';
      if (text === undefined) {
        text = scalar.N;
        tag = 'N';
        if (text === undefined) {
          text = scalar.B;
          tag = text === undefined ? tagOf(value) : 'B';
        }
      }
      this.checkAttribute(name, value, tag, text);
      // a cheap upper bound of the attribute's size (3 bytes per UTF-16 unit); Infinity for a non-scalar value
      bound += text === undefined ? Infinity : (name.length + text.length) * 3;
    }
    // indexed loops in the per-item path: a for-of allocates an iterator result per step until the JIT optimises it
    for (let r = 0; r < this.required.length; r++) {
      const name = this.required[r]!;
      if (own(item, name) === undefined) {
        this.report(
          'sample-required-missing',
          'warning',
          [],
          ` lacks the required attribute "${name}".`,
          `Add "${name}" or mark it not required.`,
        );
      }
    }
    const type = this.entity.typeAttribute;
    const typeValue = type ? own(item, type.name) : undefined;
    if (type && typeValue !== undefined && (typeValue as { S?: string }).S !== type.value) {
      this.report(
        'sample-type-attribute-mismatch',
        'warning',
        [type.name],
        `: the type attribute "${type.name}" is not the string "${type.value}" that entity "${this.entity.name}" writes.`,
        `Set it to {"S": "${type.value}"}, or move the item to the entity it belongs to.`,
      );
    }
    if (bound * this.sizeFactor > MAX_ITEM_BYTES) this.checkSize(bound);
  }

  private primaryPart(name: string): string | undefined {
    const value = own(this.item, name);
    if (value === undefined) {
      this.report(
        'sample-key-missing',
        'error',
        [],
        ` has no value for the table key "${name}".`,
        `Add "${name}" to the item.`,
      );
      return undefined;
    }
    return scalarText(value) ?? '';
  }

  /** `tag` is the value's type tag; `text` its scalar text (S, N or B), undefined for other types. */
  private checkAttribute(name: string, value: AttributeValue, tag: string, text: string | undefined): void {
    const facts = this.factsOf(name);
    if (facts.badName) this.reportName(name);
    const key = facts.key;
    if (key) this.checkKey(name, key, tag, text, facts.template);
    const attribute = facts.declared;
    if (attribute && !key && tag !== attribute.type) {
      this.report(
        'sample-attribute-type',
        'warning',
        [name],
        `: "${name}" is ${tag}, but entity "${this.entity.name}" declares it as ${attribute.type}.`,
        `Write it as {"${attribute.type}": …} or change the declared type.`,
      );
    }
    if (tag === 'S' || tag === 'BOOL' || tag === 'NULL') return;
    if (tag === 'N') {
      if (PLAIN_NUMBER.test(text!)) return;
      const problem = checkDynamoNumber(text!);
      if (problem)
        this.report(
          'sample-number-invalid',
          'error',
          [name, 'N'],
          `: ${problem}.`,
          'Write the number as decimal text with at most 38 significant digits.',
        );
      return;
    }
    if (tag === 'B') {
      if (!isBase64(text!)) reportBinary(this.context, [this.index, name, 'B'], this.label(), text!);
      return;
    }
    checkSampleValue(this.context, value, [this.index, name], this.label());
  }

  private reportName(name: string): void {
    if (name === '') {
      this.report(
        'sample-attribute-name-empty',
        'error',
        [name],
        ': an attribute has an empty name; DynamoDB attribute names need at least one character.',
        'Name the attribute, or remove it.',
      );
      return;
    }
    this.report(
      'attribute-name-invalid',
      'error',
      [name],
      `: an attribute name is ${utf8Length(name)} bytes; DynamoDB allows ${MAX_ATTRIBUTE_NAME_BYTES} (under 64 KB).`,
      'Use a shorter attribute name.',
    );
  }

  private checkKey(
    name: string,
    key: KeyInfo,
    type: string,
    text: string | undefined,
    template: TemplateFacts | undefined,
  ): void {
    if (type !== key.type) {
      this.report(
        'sample-key-type',
        'error',
        [name],
        `: key "${key.name}" is ${type}, but ${key.usedBy.join(' and ')} define${key.usedBy.length > 1 ? '' : 's'} it as ${key.type}.`,
        `Write the key as {"${key.type}": …}.`,
      );
      return;
    }
    const stored = text!;
    if (stored === '') {
      this.report(
        'sample-key-empty',
        'error',
        [name],
        `: key "${key.name}" is empty; DynamoDB key values cannot be empty.`,
        'Give the key a value.',
      );
      return;
    }
    if (type !== 'N' && stored.length * 3 > key.maxBytes) {
      const bytes = type === 'S' ? utf8Length(stored) : base64ByteLength(stored);
      if (bytes > key.maxBytes) {
        this.report(
          'sample-key-too-long',
          'error',
          [name],
          `: key "${key.name}" is ${bytes} bytes (UTF-8); ${key.maxBytes === 2048 ? 'partition' : 'sort'} key values may have at most ${key.maxBytes}. The local engine counts characters and would accept it; AWS will not.`,
          'Shorten the values that go into this key.',
        );
        return; // and no template matching: backtracking over a huge key could take very long
      }
    }
    // Keys are at most 2048 bytes; a longer one (an invalid number) is not matched (regex backtracking).
    if (template && type !== 'B' && stored.length <= MAX_PARTITION_KEY_BYTES)
      this.checkKeyTemplate(name, stored, template);
  }

  private checkKeyTemplate(name: string, stored: string, facts: TemplateFacts): void {
    const { template } = facts;
    const agrees = agreesWithAttributes(facts, this.item, stored);
    if (agrees === true) {
      const { delimiters } = facts;
      for (let d = 0; d < delimiters.length; d++) {
        const { param, literal } = delimiters[d]!;
        const value = scalarText(this.item[param])!;
        // An early occurrence of the literal starts inside the value, so a value without its first character is safe.
        if (!value.includes(literal[0]!) || !valueBreaksMatch(template, param, value)) continue;
        this.report(
          'template-value-breaks-key',
          'warning',
          [name],
          `: key "${name}" ("${stored}") cannot be split back into its values: "${param}" contains "${literal}", the literal that follows {${param}} in "${template.source}".`,
          'Keep the delimiter out of the values, or use another delimiter.',
        );
        return;
      }
      return;
    }
    if (agrees === undefined && matchTemplate(template, stored)) return;
    let expected = '';
    if (agrees === false) {
      const values: Record<string, string> = {};
      for (const p of template.params) values[p] = scalarText(this.item[p])!;
      try {
        expected = ` (its attributes give "${renderTemplate(template, values)}")`;
      } catch {
        expected = '';
      }
    }
    this.report(
      'sample-key-mismatch',
      'error',
      [name],
      `: key "${name}" is "${stored}", which does not fit the template "${template.source}" of entity "${this.entity.name}"${expected}.`,
      'Correct the stored key or the attribute values so that both agree with the template.',
    );
  }

  /** The exact size check, for an item whose cheap bound is over the limit. */
  private checkSize(bound: number): void {
    const problem = itemSizeProblem(this.table, this.item, bound);
    if (problem) this.report(problem.code, 'error', [], problem.message, problem.hint);
  }
}

/** An attribute name DynamoDB refuses: empty, or over 64 KB of UTF-8. */
function isBadName(name: string): boolean {
  return name === '' || (name.length * 3 > MAX_ATTRIBUTE_NAME_BYTES && utf8Length(name) > MAX_ATTRIBUTE_NAME_BYTES);
}

/** The primary key of each sample item of an entity: partition and sort key text, undefined when the item lacks one. */
interface PrimaryKeys {
  pks: (string | undefined)[];
  sks: (string | undefined)[];
}

/** What the items of one entity give: findings (paths from the item index on) and each item's primary key. */
interface EntityItemFindings {
  reports: RecordedReport[];
  keys: PrimaryKeys;
}

/** Per sample-item array, entity parts and table keys: an edit elsewhere does not check these items again. */
const findingsCache = new EntityCache<EntityItemFindings>();

/**
 * The primary keys depend only on the items and the table's key names, not on the entity's templates or attributes:
 * kept per item array, so that a key template edit re-checks the entity's items but finds the same key arrays, and
 * the table's duplicate search (a walk over every item of the table) is not run again.
 */
const primaryKeysCache = new EntityCache<PrimaryKeys>();

function samePrimaryKeys(a: PrimaryKeys, b: PrimaryKeys): boolean {
  const same = (x: readonly (string | undefined)[], y: readonly (string | undefined)[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.pks, b.pks) && same(a.sks, b.sks);
}

function entityFindings(
  table: Table,
  entity: Entity,
  items: Item[],
  keys: () => Map<string, KeyInfo>,
): EntityItemFindings {
  return findingsCache.get(items, [...tableKeyDependencies(table), ...entityDependencies(entity)], () => {
    const recorder = new ReportRecorder();
    const checker = new EntityItemChecker(recorder, table, entity, keys());
    const pks = new Array<string | undefined>(items.length);
    const sks = new Array<string | undefined>(items.length);
    // one walk over the items for every per-item check
    for (let i = 0; i < items.length; i++) {
      checker.check(items[i]!, i);
      pks[i] = checker.pk;
      sks[i] = checker.sk;
    }
    const fresh = { pks, sks };
    const dependencies = [table.partitionKey.name, table.sortKey?.name];
    let primaryKeys = primaryKeysCache.get(items, dependencies, () => fresh);
    // never trust the cache over what this walk read (the items are immutable, so they agree)
    if (primaryKeys !== fresh && !samePrimaryKeys(primaryKeys, fresh))
      primaryKeys = primaryKeysCache.set(items, dependencies, fresh);
    return { reports: recorder.reports, keys: primaryKeys };
  });
}

/** A sample item whose primary key an earlier item already has. */
interface Duplicate {
  entity: number;
  item: number;
  message: string;
}

/**
 * The last duplicate search per first entity's primary keys: the same key arrays in the same order, and the same
 * entity names, give the same duplicates.
 */
const duplicateMemo = new WeakMap<
  PrimaryKeys,
  { keys: (PrimaryKeys | undefined)[]; names: string[]; duplicates: Duplicate[] }
>();

/** Items repeating the primary key of an earlier item of the table, in item order. Names come with the findings' entities. */
function duplicates(table: Table, findings: (EntityItemFindings | undefined)[]): Duplicate[] {
  const keys = findings.map((f) => f?.keys);
  const names = table.entities.map((e) => e.name);
  const first = keys.find((k) => k !== undefined);
  if (!first) return [];
  const memo = duplicateMemo.get(first);
  if (
    memo &&
    memo.keys.length === keys.length &&
    memo.keys.every((k, e) => k === keys[e]) &&
    memo.names.length === names.length &&
    memo.names.every((n, e) => n === names[e])
  )
    return memo.duplicates;
  // partition key → sort key → where it was first seen, as entity * ITEMS_PER_ENTITY + item (no allocation per item)
  const seen = new Map<string, Map<string, number>>();
  const found: Duplicate[] = [];
  keys.forEach((entityKeys, e) => {
    if (!entityKeys) return;
    const { pks, sks } = entityKeys;
    for (let i = 0; i < pks.length; i++) {
      const pk = pks[i];
      const sk = sks[i];
      if (pk === undefined || sk === undefined) continue;
      let sortKeys = seen.get(pk);
      if (!sortKeys) seen.set(pk, (sortKeys = new Map()));
      const other = sortKeys.get(sk);
      if (other === undefined) {
        sortKeys.set(sk, e * ITEMS_PER_ENTITY + i);
        continue;
      }
      found.push({
        entity: e,
        item: i,
        message: `Sample item ${i} of "${table.entities[e]!.name}" has the same primary key as sample item ${other % ITEMS_PER_ENTITY} of "${table.entities[Math.floor(other / ITEMS_PER_ENTITY)]!.name}"; writing both keeps only the last one.`,
      });
    }
  });
  duplicateMemo.set(first, { keys, names, duplicates: found });
  return found;
}

/** Every sample item: keys (type, emptiness, UTF-8 length, template), values, size; duplicate primary keys per table. */
export function checkSampleItems(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    let keys: Map<string, KeyInfo> | undefined;
    const tableKeys = (): Map<string, KeyInfo> => (keys ??= keyInfo(table));
    const findings = table.entities.map((entity) => {
      const items = entity.sampleItems ?? [];
      return items.length === 0 ? undefined : entityFindings(table, entity, items, tableKeys);
    });
    const repeated = duplicates(table, findings);
    let d = 0;
    findings.forEach((entityFindings, e) => {
      if (!entityFindings) return;
      const basePath = ['tables', t, 'entities', e, 'sampleItems'];
      const { reports } = entityFindings;
      // an item's own findings first, then its duplicate-key warning
      let r = 0;
      for (; d < repeated.length && repeated[d]!.entity === e; d++) {
        const { item, message } = repeated[d]!;
        const from = r;
        while (r < reports.length && (reports[r]!.path[0] as number) <= item) r++;
        replay(context, reports, basePath, from, r);
        context.report(
          'sample-duplicate-key',
          'warning',
          [...basePath, item],
          message,
          'Give each sample item its own key.',
        );
      }
      replay(context, reports, basePath, r);
    });
  });
}
