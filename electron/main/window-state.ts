import { MIN_WINDOW_SIZE, type WindowBounds } from './policy/window-options.js';

/** What is remembered between runs (in the user data folder, `window-state.json`). */
export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1_000_000;
}

/** The saved state from the file's text; anything malformed is ignored (the window then opens at its default). */
export function parseWindowState(text: string | undefined): WindowState | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  if (!isFiniteInt(x) || !isFiniteInt(y) || !isFiniteInt(width) || !isFiniteInt(height)) return undefined;
  if (width <= 0 || height <= 0) return undefined;
  return { x, y, width, height, maximized: maximized === true };
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where the window opens: the remembered bounds when enough of them (a 100x50 area, e.g. the title bar) is still on
 * one of today's displays, shrunk to fit it; otherwise the default size, centred by Electron on the primary display.
 */
export function restoreBounds(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowBounds {
  if (!saved) return { ...DEFAULT_SIZE };
  const area = workAreas
    .map((a) => ({ a, visible: overlap(saved, a) }))
    .filter((c) => c.visible >= 100 * 50)
    .sort((p, q) => q.visible - p.visible)[0]?.a;
  if (!area)
    return {
      width: Math.max(saved.width, MIN_WINDOW_SIZE.width),
      height: Math.max(saved.height, MIN_WINDOW_SIZE.height),
    };
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(saved.width, area.width));
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(saved.height, area.height));
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - Math.min(width, area.width));
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - Math.min(height, area.height));
  return { x, y, width, height };
}

/** What to remember when the window closes: the normal (not maximized) bounds plus the maximized flag. */
export function captureWindowState(normalBounds: Rect, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized,
  };
}
