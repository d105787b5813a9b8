import type { Draft } from 'immer';
import type { Model } from '../../../shared/model/schema.js';
import { type PathSegment, parsePath } from './json-path.js';
import { editModel } from './model-store.js';

/** The value at a JSON path of the model, or undefined when the path leads nowhere. */
export function getAt(model: unknown, path: string): unknown {
  let node: unknown = model;
  for (const segment of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/**
 * Sets the value at a JSON path in one undoable edit; `undefined` removes an optional property (so the file keeps
 * no empty fields). Missing objects on the way are created. Array elements are set, never removed (use removeAt).
 */
export function editAt(label: string, path: string, value: unknown): void {
  const segments = parsePath(path);
  if (segments.length === 0) return;
  editModel(
    label,
    (draft) => {
      const parent = walk(draft, segments.slice(0, -1), true);
      if (!parent) return;
      const last = segments[segments.length - 1]!;
      if (value === undefined) {
        if (Array.isArray(parent)) return;
        delete (parent as Record<string, unknown>)[last];
      } else {
        (parent as Record<string | number, unknown>)[last] = value;
      }
    },
    Date.now(),
    path,
  );
}

/** Removes the array element or property at a path in one undoable edit. */
export function removeAt(label: string, path: string): void {
  const segments = parsePath(path);
  editModel(label, (draft) => {
    const parent = walk(draft, segments.slice(0, -1), false);
    const last = segments[segments.length - 1];
    if (!parent || last === undefined) return;
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete (parent as Record<string, unknown>)[last];
  });
}

/** Appends to the array at a path (created when missing); returns the new element's index. */
export function appendAt(label: string, path: string, value: unknown): number {
  const segments = parsePath(path);
  let index = -1;
  editModel(label, (draft) => {
    const parent = walk(draft, segments.slice(0, -1), true);
    const last = segments[segments.length - 1];
    if (!parent || last === undefined) return;
    const record = parent as Record<string | number, unknown>;
    if (!Array.isArray(record[last])) record[last] = [];
    const list = record[last] as unknown[];
    index = list.length;
    list.push(value);
  });
  return index;
}

/** Moves an array element one place up or down. */
export function moveAt(label: string, path: string, delta: -1 | 1): void {
  const segments = parsePath(path);
  const last = segments[segments.length - 1];
  if (typeof last !== 'number') return;
  editModel(label, (draft) => {
    const list = walk(draft, segments.slice(0, -1), false);
    if (!Array.isArray(list)) return;
    const to = last + delta;
    if (to < 0 || to >= list.length) return;
    const [item] = list.splice(last, 1);
    list.splice(to, 0, item);
  });
}

function walk(draft: Draft<Model>, segments: PathSegment[], create: boolean): object | undefined {
  let node: unknown = draft;
  for (const [i, segment] of segments.entries()) {
    if (node === null || typeof node !== 'object') return undefined;
    const record = node as Record<string | number, unknown>;
    if (record[segment] === undefined && create) record[segment] = typeof segments[i + 1] === 'number' ? [] : {};
    node = record[segment];
  }
  return node !== null && typeof node === 'object' ? node : undefined;
}
