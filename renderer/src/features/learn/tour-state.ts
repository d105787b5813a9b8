import { getDocument } from '../../state/model-store.js';
import { showScreen } from '../../state/navigation.js';
import { select } from '../../state/selection.js';
import { createStore, useStore } from '../../state/store.js';
import { TOUR_STEPS, TOUR_STORAGE_KEY, type TourStep } from './glossary.js';

/**
 * The first-run tour of the Cruddur model: where it is (`step`), whether it runs, and whether it was finished or
 * dismissed (remembered in localStorage, so it is offered once; the palette and the Learn screen restart it).
 */
export interface TourState {
  active: boolean;
  step: number;
  /** Finished or dismissed, now or in an earlier session. */
  done: boolean;
}

export const CRUDDUR_MODEL = 'cruddur-messaging';

function storedDone(): boolean {
  try {
    return globalThis.localStorage?.getItem(TOUR_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

function remember(): void {
  try {
    globalThis.localStorage?.setItem(TOUR_STORAGE_KEY, 'true');
  } catch {
    // storage refused (private mode): the tour is offered again next time, nothing else changes
  }
}

const tour = createStore<TourState>({ active: false, step: 0, done: storedDone() });

export function useTour(): TourState {
  return useStore(tour);
}

/** Shows the screen of a step and selects what it talks about, when the open model has it. */
function arrive(step: TourStep): void {
  showScreen(step.screen);
  const focus = step.focus;
  if (!focus) return;
  const model = getDocument().model;
  const tableIndex = model.tables.findIndex((t) => t.name === 'cruddur-messages');
  const table = model.tables[tableIndex];
  if (!table) return;
  if (focus.kind === 'table') select({ kind: 'table', table: table.name, path: `$.tables[${tableIndex}]` });
  else if (focus.kind === 'entity') {
    const i = table.entities.findIndex((e) => e.name === focus.name);
    if (i >= 0)
      select({ kind: 'entity', table: table.name, name: focus.name, path: `$.tables[${tableIndex}].entities[${i}]` });
  } else if (focus.kind === 'index') {
    const i = (table.globalSecondaryIndexes ?? []).findIndex((g) => g.name === focus.name);
    if (i >= 0)
      select({
        kind: 'index',
        table: table.name,
        name: focus.name,
        path: `$.tables[${tableIndex}].globalSecondaryIndexes[${i}]`,
      });
  } else if (focus.kind === 'pattern') {
    const i = table.accessPatterns.findIndex((p) => p.name === focus.name);
    if (i >= 0)
      select({
        kind: 'pattern',
        table: table.name,
        name: focus.name,
        path: `$.tables[${tableIndex}].accessPatterns[${i}]`,
      });
  }
}

export function startTour(): void {
  tour.set({ ...tour.get(), active: true, step: 0 });
  arrive(TOUR_STEPS[0]!);
}

export function goToStep(step: number): void {
  const clamped = Math.max(0, Math.min(TOUR_STEPS.length - 1, step));
  tour.set({ ...tour.get(), active: true, step: clamped });
  arrive(TOUR_STEPS[clamped]!);
}

/** Ends the tour (finished or skipped) and remembers it. */
export function endTour(): void {
  remember();
  tour.set({ active: false, step: 0, done: true });
}

/** The tour is offered on the design screens while the Cruddur model is open and it was never finished or dismissed. */
export function shouldOfferTour(state: TourState, modelName: string): boolean {
  return !state.active && !state.done && modelName === CRUDDUR_MODEL;
}
