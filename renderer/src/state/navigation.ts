import { createStore, useStore } from './store.js';

/** Which screen is shown. Screen ids come from the registry in app/screens.tsx. */
const screen = createStore<string>('start');

export function useScreen(): string {
  return useStore(screen);
}

export function getScreen(): string {
  return screen.get();
}

export function showScreen(id: string): void {
  screen.set(id);
}

/** A request to put the keyboard focus on the form field of a JSON path, served by the screen that shows it. */
export interface FocusRequest {
  path: string;
  /** Distinguishes two requests for the same path (clicking the same problem twice focuses twice). */
  nonce: number;
}

const focusRequest = createStore<FocusRequest | undefined>(undefined);
let nonce = 0;

export function requestFocus(path: string): void {
  focusRequest.set({ path, nonce: ++nonce });
}

export function useFocusRequest(): FocusRequest | undefined {
  return useStore(focusRequest);
}

export function clearFocusRequest(request: FocusRequest): void {
  if (focusRequest.get() === request) focusRequest.set(undefined);
}

/** Screens that show fields for some paths (e.g. Items for sample items) say so; the rest go to Model. */
const owners: { screen: string; owns: (path: string) => boolean }[] = [];

export function registerPathOwner(screenId: string, owns: (path: string) => boolean): void {
  if (!owners.some((o) => o.screen === screenId)) owners.push({ screen: screenId, owns });
}

export function screenForPath(path: string): string {
  return owners.find((o) => o.owns(path))?.screen ?? 'model';
}

const known = new Set<string>();

/** The shell records which screens exist, so a feature can link to one only when it is there. */
export function registerScreenIds(ids: readonly string[]): void {
  for (const id of ids) known.add(id);
}

export function hasScreen(id: string): boolean {
  return known.has(id);
}
