import { useDeferredValue, useEffect } from 'react';
import type { Diagnostic } from '../../../shared/model/diagnostic.js';
import type { Model } from '../../../shared/model/schema.js';
import { resolveAll } from '../../../shared/patterns/resolve.js';
import type { ResolvedPattern } from '../../../shared/patterns/resolved-pattern.js';
import { validate } from '../../../shared/rules/validate.js';
import { documentOf, useModel } from './model-store.js';
import { createStore, useStore } from './store.js';

export interface Analysis {
  diagnostics: Diagnostic[];
  resolved: ResolvedPattern[];
  errors: number;
  warnings: number;
  infos: number;
  /** Diagnostics by their exact path (a field's inline problems are one lookup). */
  byPath: ReadonlyMap<string, readonly Diagnostic[]>;
  /** True while the open model's checks have not run yet (a file just opened): nothing is known, nothing shown. */
  pending?: true;
}

/** What is shown for a model just opened until its analysis is ready: no findings, marked pending. */
export const PENDING_ANALYSIS: Analysis = Object.freeze({
  diagnostics: [],
  resolved: [],
  errors: 0,
  warnings: 0,
  infos: 0,
  byPath: new Map(),
  pending: true,
});

const cache = new WeakMap<Model, Analysis>();
/** The model analysed last: what a component that mounts while a newer model waits for its analysis shows first. */
let lastAnalysed: Model | undefined;
/**
 * How long the analysis of the last edit took (ms): what the next edit's analysis is expected to cost. The first
 * analysis of a file (nothing cached, ~100 ms on a large model) says nothing about its edits, which reuse most of it:
 * it resets the expectation to 0, so the first edit is tried inline and the ones after it follow what it cost.
 */
let lastEditAnalysisMs = 0;

/**
 * An edit whose analysis is expected to take at most this long is analysed in the edit's own render, so the edited
 * text and the problems it causes are painted in the same frame; a slower one (a large paste, a rename that touches
 * every sample item, a huge model) is analysed in a deferred render, so that typing is never held up by it.
 */
export const SYNC_ANALYSIS_BUDGET_MS = 16;
/** Per model: analysed in the edit's render or deferred, decided once so that every component agrees. */
const analysedInline = new WeakMap<Model, boolean>();

function analyseInline(model: Model): boolean {
  let inline = analysedInline.get(model);
  if (inline === undefined) analysedInline.set(model, (inline = lastEditAnalysisMs <= SYNC_ANALYSIS_BUDGET_MS));
  return inline;
}

/** Validation and pattern resolution of a model, computed once per model object (edits make new objects). */
export function analyse(model: Model): Analysis {
  let analysis = cache.get(model);
  if (!analysis) {
    const started = performance.now();
    const diagnostics = validate(model);
    const resolved = resolveAll(model);
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    for (const d of diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
    const byPath = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      const list = byPath.get(d.path);
      if (list) list.push(d);
      else byPath.set(d.path, [d]);
    }
    analysis = { diagnostics, resolved, errors, warnings, infos, byPath };
    cache.set(model, analysis);
    const firstOfFile = lastAnalysed === undefined || documentOf(lastAnalysed) !== documentOf(model);
    lastEditAnalysisMs = firstOfFile ? 0 : performance.now() - started;
    // bench/ui-large-model.mjs reads the duration of the first (cold) analysis of an opened model
    performance.clearMeasures('monotable:analysis');
    performance.measure('monotable:analysis', { start: started });
  }
  lastAnalysed = model;
  return analysis;
}

/** The last document whose screen has been painted since it was opened (its checks may run from then on). */
const paintedDocument = createStore<number | undefined>(undefined);
let waitingFor: number | undefined;

/** Records `document` as painted once the browser has painted a frame (rAF, then a task after that frame). */
function afterFirstPaint(document: number | undefined): void {
  if (waitingFor === document) return;
  waitingFor = document;
  requestAnimationFrame(() => setTimeout(() => paintedDocument.set(document), 0));
}

/**
 * The analysis of the open model. An edit whose analysis is expected to be quick (see SYNC_ANALYSIS_BUDGET_MS) is
 * analysed in the edit's own render; otherwise this reads a deferred copy of the model, so typing stays responsive:
 * React renders the keystroke first and the diagnostics right after. A file just opened shows the pending analysis
 * until its screen has been painted: the checks of a large model (~50 ms the first time) run after the first frame,
 * not before it. A component that mounts later first shows the last analysis of the same file, so the screen
 * paints before the checks of a large model run; the render with the current model follows at once.
 */
export function useAnalysis(): Analysis {
  const model = useModel();
  const document = documentOf(model);
  const painted = useStore(paintedDocument) === document;
  useEffect(() => {
    if (!painted) afterFirstPaint(document);
  }, [painted, document]);
  const deferred = useDeferredValue(model, cache.has(model) ? model : (lastAnalysed ?? model));
  if (!painted && !cache.has(model)) return PENDING_ANALYSIS;
  return shownAnalysis(model, cache.has(model) || analyseInline(model) ? model : deferred);
}

/**
 * The analysis to show for the open `model` while React offers `deferred` (the same model, an earlier one, or the
 * last one analysed). A model of another document (the file open before this one) is never analysed in its place:
 * its problems are not this file's, so the pending analysis shows until the current one is ready.
 */
export function shownAnalysis(model: Model, deferred: Model): Analysis {
  if (deferred !== model && documentOf(deferred) !== documentOf(model)) return PENDING_ANALYSIS;
  return analyse(deferred);
}

/** Per diagnostics list: every path a diagnostic lies under (its own and each ancestor), with the diagnostics under it. */
const under = new WeakMap<readonly Diagnostic[], Map<string, Diagnostic[]>>();
/** The last answer per path, whatever the list: an answer with the same diagnostics is that same array again. */
const lastAnswers = new Map<string, Diagnostic[]>();
const NONE: Diagnostic[] = [];

/**
 * Every path a diagnostic lies under, its own last: worked out once per diagnostic object (the validator hands the
 * same objects back for the parts of the model an edit did not touch, so a keystroke slices only the new ones).
 */
const ancestorPaths = new WeakMap<Diagnostic, string[]>();

function pathsOf(d: Diagnostic): string[] {
  let paths = ancestorPaths.get(d);
  if (!paths) {
    const path = d.path;
    paths = [];
    // exactly the prefixes isUnder accepts: the path itself, and each prefix followed by "." or "["
    for (let i = 1; i < path.length; i++) {
      const c = path.charCodeAt(i);
      if (c === 46 || c === 91) paths.push(path.slice(0, i));
    }
    paths.push(path);
    ancestorPaths.set(d, paths);
  }
  return paths;
}

function indexByAncestor(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const index = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    for (const prefix of pathsOf(d)) {
      const list = index.get(prefix);
      if (list) list.push(d);
      else index.set(prefix, [d]);
    }
  }
  return index;
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Diagnostics whose path is `path` or lies under it (`$.tables[0].entities[1].keys.sk` is under `$.tables[0]`), in
 * list order. Indexed once per diagnostics list; an answer with the same diagnostic objects as the last answer for
 * that path is the same array, so memoised components see no change when a keystroke elsewhere leaves theirs alone
 * (the validator reuses the diagnostic objects of untouched parts of the model).
 */
export function diagnosticsUnder(diagnostics: readonly Diagnostic[], path: string): Diagnostic[] {
  let index = under.get(diagnostics);
  if (!index) under.set(diagnostics, (index = indexByAncestor(diagnostics)));
  const found = index.get(path) ?? NONE;
  const last = lastAnswers.get(path);
  if (last && (last === found || sameDiagnostics(last, found))) return last;
  if (lastAnswers.size > 20_000) lastAnswers.clear();
  lastAnswers.set(path, found);
  return found;
}

export function isUnder(path: string, prefix: string): boolean {
  if (path === prefix) return true;
  if (!path.startsWith(prefix)) return false;
  const next = path[prefix.length];
  return next === '.' || next === '[';
}
