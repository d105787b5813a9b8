import { ATTRIBUTE_TYPES, type AttributeValue, type Item } from '../../../../shared/model/attribute-value.js';
import { itemSize, MAX_ITEM_BYTES } from '../../../../shared/model/item-size.js';
import { checkDynamoNumber } from '../../../../shared/model/numbers.js';
import type { Table } from '../../../../shared/model/schema.js';
import { parseCsv } from './csv.js';
import { isNumberText, type LosslessValue, parseLosslessJson } from './lossless-json.js';

export type ImportFormat = 'dynamodb-json' | 'plain-json' | 'csv';

export interface ImportProblem {
  /** 1-based line of the file where the item (or the problem) is. */
  line: number;
  message: string;
}

export interface ParsedImport {
  format: ImportFormat;
  items: Item[];
  /** The line each item starts on, parallel to `items`. */
  lines: number[];
  problems: ImportProblem[];
}

/** The key attributes an imported item must carry, with their types (the table's partition and sort key). */
export type ImportKeys = Pick<Table, 'partitionKey' | 'sortKey'>;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const CSV_TYPES = ['S', 'N', 'B', 'BOOL'] as const;
type CsvType = (typeof CSV_TYPES)[number];

class ValueProblem extends Error {}

function number(text: string, where: string): string {
  const problem = checkDynamoNumber(text);
  if (problem) throw new ValueProblem(`${where}: ${problem}`);
  return text;
}

function base64(text: string, where: string): string {
  if (!BASE64.test(text)) throw new ValueProblem(`${where}: binary must be base64 text`);
  return text;
}

function isObject(value: LosslessValue): value is { [name: string]: LosslessValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isNumberText(value);
}

function textOf(value: LosslessValue, where: string, numbers: boolean): string {
  if (typeof value === 'string') return value;
  if (numbers && isNumberText(value)) return value.number;
  throw new ValueProblem(`${where}: expected a string`);
}

function set(value: LosslessValue, where: string, each: (v: LosslessValue, w: string) => string): string[] {
  if (!Array.isArray(value)) throw new ValueProblem(`${where}: a set is a JSON array`);
  if (value.length === 0) throw new ValueProblem(`${where}: DynamoDB sets cannot be empty`);
  const out = value.map((v, i) => each(v, `${where}[${i}]`));
  if (new Set(out).size !== out.length) throw new ValueProblem(`${where}: a set cannot hold the same value twice`);
  return out;
}

/** One DynamoDB-typed value (`{"S":"x"}`, `{"N":"5"}`, `{"SS":[…]}`…), checked as DynamoDB would. */
function typedValue(value: LosslessValue, where: string): AttributeValue {
  const keys = isObject(value) ? Object.keys(value) : [];
  const tag = keys[0];
  if (!isObject(value) || keys.length !== 1 || !(ATTRIBUTE_TYPES as readonly string[]).includes(tag!)) {
    throw new ValueProblem(`${where}: expected a typed value such as {"S": "text"} or {"N": "42"}`);
  }
  const inner = value[tag!]!;
  switch (tag) {
    case 'S':
      return { S: textOf(inner, where, false) };
    case 'N':
      // A bare JSON number is accepted too: its source text is kept, digit for digit.
      return { N: number(textOf(inner, where, true), where) };
    case 'B':
      return { B: base64(textOf(inner, where, false), where) };
    case 'BOOL':
      if (typeof inner !== 'boolean') throw new ValueProblem(`${where}: BOOL is true or false`);
      return { BOOL: inner };
    case 'NULL':
      if (inner !== true) throw new ValueProblem(`${where}: NULL is written {"NULL": true}`);
      return { NULL: true };
    case 'SS':
      return { SS: set(inner, where, (v, w) => textOf(v, w, false)) };
    case 'NS':
      return { NS: set(inner, where, (v, w) => number(textOf(v, w, true), w)) };
    case 'BS':
      return { BS: set(inner, where, (v, w) => base64(textOf(v, w, false), w)) };
    case 'L':
      if (!Array.isArray(inner)) throw new ValueProblem(`${where}: L is a JSON array`);
      return { L: inner.map((v, i) => typedValue(v, `${where}[${i}]`)) };
    default:
      if (!isObject(inner)) throw new ValueProblem(`${where}: M is a JSON object`);
      return { M: Object.fromEntries(Object.entries(inner).map(([k, v]) => [k, typedValue(v, `${where}.${k}`)])) };
  }
}

/** A plain JSON value as DynamoDB stores it: string S, number N (its source text), true/false BOOL, null, L, M. */
function plainValue(value: LosslessValue, where: string): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null) return { NULL: true };
  if (isNumberText(value)) return { N: number(value.number, where) };
  if (Array.isArray(value)) return { L: value.map((v, i) => plainValue(v, `${where}[${i}]`)) };
  return { M: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v, `${where}.${k}`)])) };
}

/** `{"Item": {…}}` (a DynamoDB export to S3 line) is unwrapped to the item. */
function unwrap(value: LosslessValue): LosslessValue {
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Item' && isObject(value['Item']!)) return value['Item']!;
  }
  return value;
}

/** True when every attribute of the object is a one-key object tagged with a DynamoDB type. */
function looksTyped(value: LosslessValue): boolean {
  if (!isObject(value)) return false;
  const attributes = Object.values(value);
  return (
    attributes.length > 0 &&
    attributes.every((v) => {
      if (!isObject(v)) return false;
      const keys = Object.keys(v);
      return keys.length === 1 && (ATTRIBUTE_TYPES as readonly string[]).includes(keys[0]!);
    })
  );
}

function checkItem(item: Item, keys: ImportKeys | undefined): string | undefined {
  for (const key of keys ? [keys.partitionKey, ...(keys.sortKey ? [keys.sortKey] : [])] : []) {
    const value = item[key.name];
    if (!value) return `the key attribute "${key.name}" is missing`;
    if (!(key.type in value)) return `the key attribute "${key.name}" must be of type ${key.type}`;
    if (key.type !== 'N' && 'S' in value && value.S === '') return `the key attribute "${key.name}" is empty`;
  }
  const size = itemSize(item);
  if (size > MAX_ITEM_BYTES) return `the item is ${size.toLocaleString('en-US')} bytes; DynamoDB allows 400 KB`;
  return undefined;
}

function jsonLines(text: string, keys: ImportKeys | undefined): ParsedImport {
  const out: ParsedImport = { format: 'plain-json', items: [], lines: [], problems: [] };
  let decided = false;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    try {
      const value = unwrap(parseLosslessJson(raw));
      if (!isObject(value)) throw new ValueProblem('each line must be one JSON object (an item)');
      if (!decided) {
        out.format = looksTyped(value) ? 'dynamodb-json' : 'plain-json';
        decided = true;
      }
      const item: Item = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          out.format === 'dynamodb-json' ? typedValue(v, k) : plainValue(v, k),
        ]),
      );
      const problem = checkItem(item, keys);
      if (problem) throw new ValueProblem(problem);
      out.items.push(item);
      out.lines.push(line);
    } catch (error) {
      out.problems.push({ line, message: error instanceof Error ? error.message : String(error) });
    }
  });
  return out;
}

function csvValue(cell: string, type: CsvType, where: string): AttributeValue {
  if (type === 'N') return { N: number(cell.trim(), where) };
  if (type === 'B') return { B: base64(cell.trim(), where) };
  if (type === 'BOOL') {
    const word = cell.trim().toLowerCase();
    if (word !== 'true' && word !== 'false') throw new ValueProblem(`${where}: BOOL is true or false`);
    return { BOOL: word === 'true' };
  }
  return { S: cell };
}

/**
 * CSV with a header row. A header cell is the attribute name, or `name:TYPE` with TYPE one of S, N, B, BOOL (S when
 * none is given: a cell is never guessed to be a number). An empty cell leaves the attribute out of that item.
 */
function csv(text: string, keys: ImportKeys | undefined): ParsedImport {
  const out: ParsedImport = { format: 'csv', items: [], lines: [], problems: [] };
  const parsed = parseCsv(text);
  if (parsed.problem) out.problems.push(parsed.problem);
  const [header, ...rows] = parsed.records;
  if (!header) return out;
  const columns: { name: string; type: CsvType }[] = [];
  for (const cell of header.cells) {
    const m = /^(.*?)(?::(\w+))?$/.exec(cell.trim())!;
    const name = m[1]!;
    const type = (m[2] ?? 'S').toUpperCase();
    if (!name) out.problems.push({ line: header.line, message: 'a header cell has no attribute name' });
    else if (!(CSV_TYPES as readonly string[]).includes(type))
      out.problems.push({ line: header.line, message: `"${cell}": the type after ":" is one of S, N, B, BOOL` });
    else if (columns.some((c) => c.name === name))
      out.problems.push({ line: header.line, message: `"${name}" is named twice in the header` });
    columns.push({ name, type: type as CsvType });
  }
  if (out.problems.some((p) => p.line === header.line)) return out;
  for (const row of rows) {
    try {
      if (row.cells.length !== columns.length)
        throw new ValueProblem(`${row.cells.length} cells; the header has ${columns.length}`);
      const item: Item = {};
      row.cells.forEach((cell, i) => {
        const column = columns[i]!;
        if (cell !== '') item[column.name] = csvValue(cell, column.type, column.name);
      });
      const problem = checkItem(item, keys);
      if (problem) throw new ValueProblem(problem);
      out.items.push(item);
      out.lines.push(row.line);
    } catch (error) {
      out.problems.push({ line: row.line, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

/** Items from a JSON-lines file (DynamoDB-typed or plain JSON, detected from the first item) or a CSV file. */
export function parseImport(text: string, fileName: string, keys?: ImportKeys): ParsedImport {
  return /\.csv$/i.test(fileName) ? csv(text, keys) : jsonLines(text, keys);
}
