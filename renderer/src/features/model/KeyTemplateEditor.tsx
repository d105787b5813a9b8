import { type UIEvent, useId, useMemo, useRef } from 'react';
import type { Segment } from '../../../../shared/keys/template.js';
import { tryParseTemplate } from '../../../../shared/keys/template.js';
import { FieldProblems, useFieldProblems } from '../../components/FieldProblems.js';
import { diagnosticsUnder, useAnalysis } from '../../state/analysis.js';
import { writeRenderedKeys } from '../items/stored-keys.js';
import { sampleKeyMismatches } from './sample-keys.js';
import { joinPath, parsePath } from '../../state/json-path.js';
import { editAt, getAt } from '../../state/edit-path.js';
import { breakUndoMerge, useModel } from '../../state/model-store.js';
import type { ExampleValue } from './example-values.js';

/**
 * A key template field (`MSG#{message_group_uuid}`): parameters highlighted in the text as you type, the key it
 * renders for the entity's example values below it, and the template's diagnostics inline.
 * Empty removes the template (the entity is then not in that index: a sparse index).
 */
export function KeyTemplateEditor({
  path,
  keyName,
  usage,
  examples,
  attributes,
  optional,
  entityPath,
}: {
  path: string;
  keyName: string;
  /** What the key is: `table partition key`, `sort key of GSI "gsi1"`. */
  usage: string;
  examples: ReadonlyMap<string, ExampleValue>;
  attributes: readonly string[];
  optional: boolean;
  entityPath: string;
}) {
  const model = useModel();
  const id = useId();
  const value = getAt(model, path);
  const source = typeof value === 'string' ? value : '';
  const problems = useFieldProblems(path, true);
  const { diagnostics } = useAnalysis();
  // only the entity's sample-item problems (an indexed lookup, the same array while they stay the same), not every finding
  const itemProblems = diagnosticsUnder(diagnostics, joinPath(entityPath, 'sampleItems'));
  const mismatched = useMemo(
    () => sampleKeyMismatches(itemProblems, entityPath, keyName),
    [itemProblems, entityPath, keyName],
  );
  const overlay = useRef<HTMLDivElement>(null);
  const parsed = useMemo(() => tryParseTemplate(source), [source]);
  const onScroll = (e: UIEvent<HTMLInputElement>): void => {
    if (overlay.current) overlay.current.scrollLeft = e.currentTarget.scrollLeft;
  };
  const hasError = problems.some((d) => d.severity === 'error');
  return (
    <div className="field key-template">
      <label htmlFor={id}>
        <span className="mono key-name">{keyName}</span> key template <span className="faint">· {usage}</span>
      </label>
      <div className="template-editor" aria-invalid={hasError || undefined}>
        <div className="template-highlight mono" ref={overlay} aria-hidden="true">
          {highlight(source, attributes)}
          {'\u200b'}
        </div>
        <input
          id={id}
          type="text"
          className="mono"
          data-path={path}
          data-problems-inline
          value={source}
          placeholder={optional ? 'not in this index' : 'e.g. PREFIX#{attribute}'}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={hasError || undefined}
          aria-describedby={`${id}-rendered${problems.length ? ` ${id}-problems` : ''}`}
          onScroll={onScroll}
          onBlur={breakUndoMerge}
          onChange={(e) => {
            const next = e.target.value;
            editAt(`Edit ${keyName} key template`, path, next === '' && optional ? undefined : next);
            if (overlay.current) overlay.current.scrollLeft = e.target.scrollLeft;
          }}
        />
      </div>
      <div className="rendered-key" id={`${id}-rendered`}>
        <span className="rendered-label">Rendered key</span>{' '}
        <output className="mono" aria-label={`Rendered ${keyName}`} aria-live="polite">
          {source === '' ? (
            <span className="faint">{optional ? 'not in this index (no template)' : 'no template'}</span>
          ) : parsed ? (
            parsed.segments.map((segment, i) => renderSegment(segment, i, examples))
          ) : (
            <span className="faint">the template does not parse</span>
          )}
        </output>
      </div>
      {problems.length > 0 && <FieldProblems id={`${id}-problems`} problems={problems} />}
      {mismatched.length > 0 && parsed && (
        <div className="field-problem error sample-mismatch">
          {mismatched.length} sample {mismatched.length === 1 ? 'item stores' : 'items store'} a {keyName} that does not
          fit this template.{' '}
          <button type="button" className="button small" onClick={() => rewriteKey(entityPath, keyName)}>
            Rewrite {mismatched.length === 1 ? 'its' : 'their'} {keyName} from the template
          </button>
        </div>
      )}
    </div>
  );
}

/** The Model screen's form of the one sample-key rewrite (items/stored-keys.ts): this entity, this key. */
function rewriteKey(entityPath: string, keyName: string): void {
  const [, table, , entity] = parsePath(entityPath);
  if (typeof table === 'number' && typeof entity === 'number') writeRenderedKeys([{ table, entity }], keyName);
}

function renderSegment(segment: Segment, i: number, examples: ReadonlyMap<string, ExampleValue>) {
  if (segment.kind === 'literal') return <span key={i}>{segment.text}</span>;
  const example = examples.get(segment.name);
  return example ? (
    <span key={i} className="rendered-param" title={`${segment.name} from ${example.source}`}>
      {example.value}
    </span>
  ) : (
    <span key={i} className="rendered-param missing" title={`No example value for ${segment.name}`}>
      ‹{segment.name}›
    </span>
  );
}

/** Colours `{param}` parts (unknown attributes underlined), tolerating a half-typed template. */
function highlight(source: string, attributes: readonly string[]) {
  const parts: { text: string; kind: 'literal' | 'param' | 'unknown' | 'broken' }[] = [];
  const pattern = /\{\{|\}\}|\{[^{}]*\}|\{[^{}]*$/g;
  let last = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (match.index > last) parts.push({ text: source.slice(last, match.index), kind: 'literal' });
    const text = match[0];
    if (text === '{{' || text === '}}') parts.push({ text, kind: 'literal' });
    else if (!text.endsWith('}')) parts.push({ text, kind: 'broken' });
    else parts.push({ text, kind: attributes.includes(text.slice(1, -1)) ? 'param' : 'unknown' });
    last = match.index + text.length;
  }
  if (last < source.length) parts.push({ text: source.slice(last), kind: 'literal' });
  return parts.map((p, i) =>
    p.kind === 'literal' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
      <span key={i}>{p.text}</span>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
      <span key={i} className={`tpl-${p.kind}`}>
        {p.text}
      </span>
    ),
  );
}
