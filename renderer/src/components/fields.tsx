import { type ReactNode, useEffect, useId, useState } from 'react';
import { editAt, getAt } from '../state/edit-path.js';
import { breakUndoMerge, useModel } from '../state/model-store.js';
import { FieldProblems, useFieldProblems } from './FieldProblems.js';

/**
 * Form fields bound to a JSON path of the model: each reads its value at `path`, writes through one undoable edit,
 * carries `data-path` (focusPath finds it) and shows the diagnostics of its path inline.
 */
interface BaseProps {
  label: string;
  path: string;
  /** The undo label; default `Edit <label>`. */
  editLabel?: string;
  hint?: ReactNode;
  /** Show diagnostics anywhere under the path, not just at it. */
  problemsUnder?: boolean;
  className?: string;
  disabled?: boolean;
  /** Keep the label for screen readers only (rows under a visible column header). */
  hideLabel?: boolean;
}

function FieldFrame({
  id,
  label,
  hint,
  problemsId,
  problems,
  className,
  hideLabel,
  children,
}: {
  id: string;
  label: string;
  hideLabel?: boolean | undefined;
  hint: ReactNode;
  problemsId: string;
  problems: ReturnType<typeof useFieldProblems>;
  className: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {children}
      {hint && (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {problems.length > 0 && <FieldProblems id={problemsId} problems={problems} />}
    </div>
  );
}

function describedBy(id: string, hint: ReactNode, problems: readonly unknown[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', problems.length ? `${id}-problems` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * What every bound field starts with: its element id, the model's value at its path, the diagnostics it shows, and
 * the props of its frame (label, hint, problems list).
 */
function useBoundField(props: BaseProps, problemsUnder = props.problemsUnder) {
  const model = useModel();
  const id = useId();
  const value = getAt(model, props.path);
  const problems = useFieldProblems(props.path, problemsUnder);
  const frame = {
    id,
    label: props.label,
    hint: props.hint,
    problemsId: `${id}-problems`,
    problems,
    className: props.className,
    hideLabel: props.hideLabel,
  };
  return { id, value, problems, frame };
}

export function TextField(
  props: BaseProps & {
    /** Empty text removes the property (for optional fields). */
    optional?: boolean;
    placeholder?: string;
    mono?: boolean;
    /** Called after the value is written (e.g. to follow a rename). */
    onChanged?: (value: string, previous: string) => void;
    /** Replaces the plain write (e.g. a rename that also updates references). */
    write?: (value: string) => void;
  },
) {
  const { id, value, problems, frame } = useBoundField(props);
  const text = typeof value === 'string' ? value : '';
  return (
    <FieldFrame {...frame}>
      <input
        id={id}
        type="text"
        className={props.mono ? 'mono' : undefined}
        data-path={props.path}
        data-problems-inline
        value={text}
        placeholder={props.placeholder}
        disabled={props.disabled}
        spellCheck={props.mono ? false : undefined}
        autoComplete="off"
        aria-invalid={problems.some((d) => d.severity === 'error') || undefined}
        aria-describedby={describedBy(id, props.hint, problems)}
        onBlur={breakUndoMerge}
        onChange={(e) => {
          const next = e.target.value;
          if (props.write) props.write(next);
          else editAt(props.editLabel ?? `Edit ${props.label}`, props.path, props.optional && !next ? undefined : next);
          props.onChanged?.(next, text);
        }}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: BaseProps & { rows?: number; placeholder?: string }) {
  const { id, value, problems, frame } = useBoundField(props);
  return (
    <FieldFrame {...frame}>
      <textarea
        id={id}
        data-path={props.path}
        data-problems-inline
        rows={props.rows ?? 2}
        value={typeof value === 'string' ? value : ''}
        placeholder={props.placeholder}
        aria-describedby={describedBy(id, props.hint, problems)}
        onBlur={breakUndoMerge}
        onChange={(e) => editAt(props.editLabel ?? `Edit ${props.label}`, props.path, e.target.value || undefined)}
      />
    </FieldFrame>
  );
}

/**
 * A number written exactly as typed once it parses; while the text is not a number (half typed, "-", "1e") the
 * model keeps its last value and the field says so. Empty removes an optional number.
 */
export function NumberField(
  props: BaseProps & { integer?: boolean; min?: number; max?: number; optional?: boolean; placeholder?: string },
) {
  const { id, value, problems, frame } = useBoundField(props);
  const modelText = typeof value === 'number' ? String(value) : '';
  const [text, setText] = useState(modelText);
  const [bad, setBad] = useState<string | undefined>();
  useEffect(() => {
    // Follow the model (undo, another screen) unless the field holds the same number in another spelling.
    setText((current) => (Number(current) === value && current.trim() !== '' ? current : modelText));
    setBad(undefined);
  }, [modelText, value]);
  const commit = (next: string): void => {
    setText(next);
    const trimmed = next.trim();
    if (trimmed === '') {
      setBad(props.optional ? undefined : 'A number is required.');
      if (props.optional) editAt(props.editLabel ?? `Edit ${props.label}`, props.path, undefined);
      return;
    }
    const n = Number(trimmed);
    if (!Number.isFinite(n) || (props.integer && !Number.isInteger(n))) {
      setBad(props.integer ? 'Enter a whole number.' : 'Enter a number.');
      return;
    }
    setBad(undefined);
    editAt(props.editLabel ?? `Edit ${props.label}`, props.path, n);
  };
  return (
    <FieldFrame {...frame} hint={bad ?? props.hint}>
      <input
        id={id}
        type="text"
        inputMode={props.integer ? 'numeric' : 'decimal'}
        className="mono"
        data-path={props.path}
        data-problems-inline
        value={text}
        placeholder={props.placeholder}
        aria-invalid={Boolean(bad) || problems.some((d) => d.severity === 'error') || undefined}
        aria-describedby={describedBy(id, bad ?? props.hint, problems)}
        onBlur={breakUndoMerge}
        onChange={(e) => commit(e.target.value)}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: BaseProps & {
    options: readonly Option[];
    /** An entry for "not set" (removes the property). */
    none?: string;
    write?: (value: string | undefined) => void;
  },
) {
  const { id, value, problems, frame } = useBoundField(props);
  const current = typeof value === 'string' ? value : '';
  const known = props.options.some((o) => o.value === current);
  return (
    <FieldFrame {...frame}>
      <select
        id={id}
        data-path={props.path}
        data-problems-inline
        value={current}
        disabled={props.disabled}
        aria-invalid={problems.some((d) => d.severity === 'error') || undefined}
        aria-describedby={describedBy(id, props.hint, problems)}
        onChange={(e) => {
          const next = e.target.value === '' ? undefined : e.target.value;
          if (props.write) props.write(next);
          else editAt(props.editLabel ?? `Change ${props.label}`, props.path, next);
        }}
      >
        {props.none !== undefined && <option value="">{props.none}</option>}
        {!known && current !== '' && <option value={current}>{current} (unknown)</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A boolean; unchecked removes the property unless `keepFalse` (the file then says `false` explicitly). */
export function CheckboxField(props: BaseProps & { keepFalse?: boolean }) {
  const { id, value: stored, problems } = useBoundField(props);
  const value = stored === true;
  return (
    <div className={`field checkbox-field ${props.className ?? ''}`}>
      <span className="checkbox-row">
        <input
          id={id}
          type="checkbox"
          data-path={props.path}
          data-problems-inline
          checked={value}
          disabled={props.disabled}
          aria-describedby={describedBy(id, props.hint, problems)}
          onChange={(e) =>
            editAt(
              props.editLabel ?? `${e.target.checked ? 'Turn on' : 'Turn off'} ${props.label}`,
              props.path,
              e.target.checked ? true : props.keepFalse ? false : undefined,
            )
          }
        />
        <label htmlFor={id}>{props.label}</label>
      </span>
      {props.hint && (
        <div className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
      {problems.length > 0 && <FieldProblems id={`${id}-problems`} problems={problems} />}
    </div>
  );
}

/** A list of names typed as comma-separated text (`a, b, c`); empty removes an optional list. */
export function NameListField(props: BaseProps & { optional?: boolean; placeholder?: string }) {
  const { id, value, problems, frame } = useBoundField(props, true);
  const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const modelText = list.join(', ');
  const [text, setText] = useState(modelText);
  useEffect(() => {
    setText((current) => (splitNames(current).join(', ') === modelText ? current : modelText));
  }, [modelText]);
  return (
    <FieldFrame {...frame}>
      <input
        id={id}
        type="text"
        className="mono"
        data-path={props.path}
        data-problems-inline
        value={text}
        placeholder={props.placeholder ?? 'name, other_name'}
        spellCheck={false}
        aria-invalid={problems.some((d) => d.severity === 'error') || undefined}
        aria-describedby={describedBy(id, props.hint, problems)}
        onBlur={breakUndoMerge}
        onChange={(e) => {
          setText(e.target.value);
          const names = splitNames(e.target.value);
          editAt(
            props.editLabel ?? `Edit ${props.label}`,
            props.path,
            names.length === 0 && props.optional ? undefined : names,
          );
        }}
      />
    </FieldFrame>
  );
}

function splitNames(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
