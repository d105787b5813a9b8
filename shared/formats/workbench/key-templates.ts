import type { Item } from '../../model/attribute-value.js';
import type { KeyAttribute } from '../../model/schema.js';
import { renderTemplate, tryParseTemplate, type KeyTemplate } from '../../keys/template.js';

/**
 * Facet key aliases → key templates.
 *
 * In Workbench a facet's `KeyAttributeAlias` is a *label* shown instead of the key attribute's name. Authors
 * write all sorts of things there: the attribute name itself (`PK`), a description of the value (`playerID`
 * for values like `player001`), or something that reads like a template (`ITEMS#ItemID`, `SubId#SKU`).
 * Even key attribute names sometimes describe a composite (`State#Date` holding `WARNING1#2020-04-24T14:40`).
 *
 * The rule: a label becomes a template only when it provably is one. The label is split on `#`; every part
 * that names an attribute carried by every sample item of the facet (written `id`, `{id}`, `<id>` or `${id}`)
 * becomes the parameter `{id}`, the rest stays literal; the whole label as constant text is the second
 * candidate (`PROFILE`, `#META#`). A candidate is adopted only if, rendered from each sample item's own
 * attributes, it reproduces that item's stored key exactly (with no sample items: only a template whose
 * parameters are declared attributes of the facet). Labels tried, in order: the alias, then the key
 * attribute's name when it contains `#`. Otherwise the key keeps its natural form `{keyAttribute}`: the key
 * attribute is an attribute of the entity and its value is whatever the item holds — nothing is invented and
 * no sample item changes.
 * Number and binary keys only ever get the natural form (a composite template renders text).
 */
export interface DerivedKey {
  template: string;
  /** The attributes the template reads (its parameters). */
  params: string[];
  /** Which rule produced it, for the import notes. */
  source: 'alias' | 'attribute-name' | 'natural';
}

function scalarText(item: Item, name: string): string | undefined {
  const value = item[name];
  if (!value) return undefined;
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  return undefined;
}

const literal = (text: string): string => text.replaceAll('{', '{{').replaceAll('}', '}}');

/** `id`, `{id}`, `<id>` and `${id}` all name the attribute `id` (other modelling tools write labels that way). */
function partName(part: string): string {
  return (
    /^(?:\{(.+)\}|<(.+)>|\$\{(.+)\})$/
      .exec(part)
      ?.slice(1)
      .find((g) => g !== undefined) ?? part
  );
}

/** The label with its attribute-named parts as parameters, then the label as constant text. */
function candidates(label: string, available: ReadonlySet<string>): KeyTemplate[] {
  const parts = label.split('#').map((part) => {
    const name = partName(part);
    return available.has(name) && tryParseTemplate(`{${name}}`) ? `{${name}}` : literal(part);
  });
  return [tryParseTemplate(parts.join('#')), tryParseTemplate(literal(label))].filter(
    (t): t is KeyTemplate => t !== undefined,
  );
}

function reproduces(template: KeyTemplate, keyName: string, items: readonly Item[]): boolean {
  return items.every((item) => {
    const stored = scalarText(item, keyName);
    if (stored === undefined) return false;
    const values: Record<string, string> = {};
    for (const param of template.params) {
      const text = scalarText(item, param);
      if (text === undefined) return false;
      values[param] = text;
    }
    try {
      return renderTemplate(template, values) === stored;
    } catch {
      return false;
    }
  });
}

/** Attributes every item carries (or, with no items, the declared ones). */
function commonAttributes(items: readonly Item[], declared: readonly string[]): Set<string> {
  if (items.length === 0) return new Set(declared);
  const [first, ...rest] = items;
  const names = new Set(Object.keys(first!));
  for (const item of rest) for (const name of [...names]) if (!(name in item)) names.delete(name);
  return names;
}

export function deriveKeyTemplate(
  key: KeyAttribute,
  alias: string | undefined,
  items: readonly Item[],
  declared: readonly string[],
): DerivedKey {
  const natural: DerivedKey = { template: `{${key.name}}`, params: [key.name], source: 'natural' };
  if (key.type !== 'S') return natural;
  const available = commonAttributes(items, declared);
  available.delete(key.name);
  const labels: [string, DerivedKey['source']][] = [];
  if (alias && alias !== key.name) labels.push([alias, 'alias']);
  if (key.name.includes('#')) labels.push([key.name, 'attribute-name']);
  for (const [label, source] of labels) {
    for (const template of candidates(label, available)) {
      // Without sample items only a template with declared parameters is taken on trust; a constant needs proof.
      const proven = items.length === 0 ? template.params.length > 0 : reproduces(template, key.name, items);
      if (proven) return { template: template.source, params: template.params, source };
    }
  }
  return natural;
}

/** The label written back on export: the template without braces, so `{PK}` → `PK`, `MSG#{id}` → `MSG#id`. */
export function aliasFromTemplate(template: string): string {
  const parsed = tryParseTemplate(template);
  if (!parsed) return template;
  return parsed.segments.map((s) => (s.kind === 'param' ? s.name : s.text)).join('');
}
