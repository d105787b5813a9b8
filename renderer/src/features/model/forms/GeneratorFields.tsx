import type { AttributeOwner } from '../attribute-owner.js';
import { useEffect, useId, useState } from 'react';
import { findInexactNumber } from '../../../../../shared/model/exact-json.js';
import { AGGREGATE_FUNCTIONS, type Generator, type Table } from '../../../../../shared/model/schema.js';
import { CheckboxField, NumberField, SelectField, TextField } from '../../../components/fields.js';
import { FieldProblems, useFieldProblems } from '../../../components/FieldProblems.js';
import { editAt } from '../../../state/edit-path.js';
import { joinPath } from '../../../state/json-path.js';
import { breakUndoMerge } from '../../../state/model-store.js';

export const GENERATOR_KINDS = [
  { value: 'faker', label: 'Faker method' },
  { value: 'ref', label: 'Reference to a parent' },
  { value: 'sequence', label: 'Sequence' },
  { value: 'date-range', label: 'Date range' },
  { value: 'one-of', label: 'One of listed values' },
  { value: 'constant', label: 'Constant' },
  { value: 'members', label: 'Members of a relationship' },
  { value: 'member', label: "A member of the parent's relationship" },
  { value: 'aggregate', label: 'Computed from the children' },
  { value: 'after', label: 'A date after another attribute' },
] as const;

/** One line for a generator: `faker person.fullName`, `ref MessageGroup.message_group_uuid`. */
export function generatorSummary(generator: Generator | undefined): string {
  if (!generator) return '—';
  switch (generator.kind) {
    case 'faker':
      return `faker ${generator.method}${generator.args?.length ? `(${generator.args.map((a) => JSON.stringify(a)).join(', ')})` : ''}`;
    case 'ref':
      return `ref ${generator.entity}.${generator.attribute}`;
    case 'sequence':
      return `sequence ${generator.prefix ?? ''}${generator.start ?? 1}…`;
    case 'date-range':
      return `dates ${generator.from.slice(0, 10)} → ${generator.to.slice(0, 10)}${generator.format ? ` (${generator.format})` : ''}`;
    case 'one-of':
      return `one of ${generator.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'constant':
      return `constant ${JSON.stringify(generator.value)}`;
    case 'members':
      return `members: ${generator.count} × ${generator.entity}.${generator.attribute}`;
    case 'member':
      return `member (${generator.which}) of ${generator.of}: ${generator.attribute}`;
    case 'aggregate':
      return `${generator.function} of ${generator.of}${generator.attribute ? `.${generator.attribute}` : ''}`;
    case 'after':
      return `after ${generator.attribute} within ${generator.within}`;
  }
}

function defaultGenerator(kind: Generator['kind'], table: Table, entity: AttributeOwner): Generator {
  switch (kind) {
    case 'faker':
      return { kind, method: 'lorem.word' };
    case 'ref': {
      const parent = table.entities.find((e) => e !== entity) ?? entity;
      return { kind, entity: parent.name, attribute: parent.attributes[0]?.name ?? '' };
    }
    case 'sequence':
      return { kind, start: 1 };
    case 'date-range':
      return { kind, from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T23:59:59.000Z' };
    case 'one-of':
      return { kind, values: ['a', 'b'] };
    case 'constant':
      return { kind, value: '' };
    case 'members':
      return { kind, entity: entity.name, attribute: entity.attributes[0]?.name ?? '', count: 2 };
    case 'member':
      return { kind, of: '', attribute: '', which: 'any' };
    case 'aggregate':
      return { kind, of: '', function: 'count' };
    case 'after':
      return { kind, attribute: '', within: 'PT1H' };
  }
}

/** The generator of an attribute: its kind and the fields of that kind. */
export function GeneratorFields({
  table,
  entity,
  path,
  generator,
}: {
  table: Table;
  entity: AttributeOwner;
  path: string;
  generator: Generator | undefined;
}) {
  return (
    <>
      <SelectField
        label="Generator"
        path={joinPath(path, 'kind')}
        none="None (the seeder leaves it out unless required)"
        options={GENERATOR_KINDS}
        write={(kind) =>
          editAt(
            'Change generator',
            path,
            kind === undefined ? undefined : defaultGenerator(kind as Generator['kind'], table, entity),
          )
        }
      />
      {generator?.kind === 'faker' && (
        <>
          <TextField
            label="Faker method"
            path={joinPath(path, 'method')}
            mono
            hint="e.g. person.fullName, string.uuid"
          />
          <JsonField
            label="Faker arguments (JSON array)"
            path={joinPath(path, 'args')}
            value={generator.args}
            optional
          />
        </>
      )}
      {generator?.kind === 'ref' && (
        <>
          <SelectField
            label="Parent entity"
            path={joinPath(path, 'entity')}
            options={table.entities.map((e) => ({ value: e.name, label: e.name }))}
          />
          <SelectField
            label="Parent attribute"
            path={joinPath(path, 'attribute')}
            options={(table.entities.find((e) => e.name === generator.entity)?.attributes ?? []).map((a) => ({
              value: a.name,
              label: a.name,
            }))}
          />
        </>
      )}
      {generator?.kind === 'sequence' && (
        <>
          <NumberField label="Start" path={joinPath(path, 'start')} integer optional placeholder="1" />
          <NumberField label="Step" path={joinPath(path, 'step')} integer optional placeholder="1" />
          <TextField label="Prefix" path={joinPath(path, 'prefix')} mono optional />
          <NumberField label="Zero-pad to digits" path={joinPath(path, 'pad')} integer optional />
        </>
      )}
      {generator?.kind === 'date-range' && (
        <>
          <TextField label="From (ISO 8601)" path={joinPath(path, 'from')} mono />
          <TextField label="To (ISO 8601)" path={joinPath(path, 'to')} mono />
          <SelectField
            label="Written as"
            path={joinPath(path, 'format')}
            none="ISO text (default)"
            options={[
              { value: 'iso', label: 'ISO text' },
              { value: 'epoch-seconds', label: 'Epoch seconds' },
              { value: 'epoch-millis', label: 'Epoch milliseconds' },
            ]}
          />
        </>
      )}
      {generator?.kind === 'one-of' && (
        <>
          <JsonField label="Values (JSON array)" path={joinPath(path, 'values')} value={generator.values} />
          <CheckboxField
            label="Each in turn (cycle)"
            path={joinPath(path, 'cycle')}
            hint="Item n gets value n mod the count."
          />
        </>
      )}
      {generator?.kind === 'members' && (
        <>
          <TextField label="Member entity" path={joinPath(path, 'entity')} mono />
          <TextField label="Member attribute" path={joinPath(path, 'attribute')} mono />
          <NumberField label="Members per item" path={joinPath(path, 'count')} integer />
          <NumberField label="Skew (Zipf exponent)" path={joinPath(path, 'skew')} optional />
        </>
      )}
      {generator?.kind === 'member' && (
        <>
          <TextField label="Members attribute of the parent" path={joinPath(path, 'of')} mono />
          <TextField label="Attribute of the member" path={joinPath(path, 'attribute')} mono />
          <SelectField
            label="Which member"
            path={joinPath(path, 'which')}
            options={[
              { value: 'this', label: 'The member this row is for' },
              { value: 'other', label: 'The other member' },
              { value: 'any', label: 'Any member' },
            ]}
          />
        </>
      )}
      {generator?.kind === 'aggregate' && (
        <>
          <TextField label="Child entity" path={joinPath(path, 'of')} mono />
          <SelectField
            label="Function"
            path={joinPath(path, 'function')}
            options={AGGREGATE_FUNCTIONS.map((f) => ({ value: f, label: f }))}
          />
          <TextField label="Child attribute" path={joinPath(path, 'attribute')} mono optional />
          <TextField label="Latest by (child attribute)" path={joinPath(path, 'by')} mono optional />
        </>
      )}
      {generator?.kind === 'after' && (
        <>
          <TextField label="After attribute" path={joinPath(path, 'attribute')} mono />
          <TextField label="Within (ISO 8601 duration)" path={joinPath(path, 'within')} mono hint="e.g. PT1H, P2D" />
        </>
      )}
      {generator?.kind === 'constant' && (
        <JsonField label="Value (JSON)" path={joinPath(path, 'value')} value={generator.value} scalar />
      )}
    </>
  );
}

/**
 * A JSON value typed as text: written to the model once it parses (an array unless `scalar`), so numbers keep the
 * exact digits the user typed and a half-typed value never replaces the last good one.
 */
function JsonField({
  label,
  path,
  value,
  optional,
  scalar,
}: {
  label: string;
  path: string;
  value: unknown;
  optional?: boolean;
  scalar?: boolean;
}) {
  const id = useId();
  const modelText = value === undefined ? '' : JSON.stringify(value);
  const [text, setText] = useState(modelText);
  const [bad, setBad] = useState<string>();
  useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(JSON.parse(current)) === modelText ? current : modelText;
      } catch {
        return modelText;
      }
    });
  }, [modelText]);
  const problems = useFieldProblems(path, true);
  return (
    <div className="field span-2">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="mono"
        data-path={path}
        data-problems-inline
        value={text}
        spellCheck={false}
        aria-invalid={Boolean(bad) || undefined}
        aria-describedby={bad ? `${id}-bad` : undefined}
        onBlur={breakUndoMerge}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '' && optional) {
            setBad(undefined);
            editAt(`Edit ${label}`, path, undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            if (!scalar && !Array.isArray(parsed)) throw new Error('not an array');
            const inexact = findInexactNumber(next);
            if (inexact) {
              setBad(
                `${inexact.text} has more digits than a JSON number keeps; write it as a string, "${inexact.text}", to keep every digit.`,
              );
              return;
            }
            setBad(undefined);
            editAt(`Edit ${label}`, path, parsed);
          } catch {
            setBad(
              scalar ? 'Not JSON yet: strings need quotes, e.g. "active".' : 'Not a JSON array yet, e.g. ["a", 1].',
            );
          }
        }}
      />
      {bad && (
        <div className="field-hint warning-text" id={`${id}-bad`}>
          {bad}
        </div>
      )}
      {problems.length > 0 && <FieldProblems id={`${id}-problems`} problems={problems} />}
    </div>
  );
}
