import type { ComponentType } from 'react';
import { ConnectionsScreen } from '../features/connections/ConnectionsScreen.js';
import { ModelScreen } from '../features/model/ModelScreen.js';
import { DataScreen } from '../features/operations/DataScreen.js';
import { ProblemsBadge } from '../features/problems/ProblemsBadge.js';
import { ProblemsScreen } from '../features/problems/ProblemsScreen.js';
import { StartScreen } from '../features/start/StartScreen.js';

/**
 * The screen registry: the nav, the Alt+digit shortcuts, the "Go to" commands of the palette and focusPath read it.
 * Each feature adds ONE line, in nav order: Start, Model, Diagram, Items, Patterns, Problems, Export, Learn.
 */
export interface ScreenDefinition {
  id: string;
  /** The nav entry's accessible name (tests and people find screens by it). */
  label: string;
  /** A short glyph shown before the label (decorative). */
  icon?: string;
  shortcut: string;
  Component: ComponentType;
  /** Shown after the label in the nav (e.g. the problem count); must describe itself with aria-label. */
  Badge?: ComponentType;
  /** JSON paths whose fields this screen shows (focusPath goes there instead of Model). */
  owns?: (path: string) => boolean;
}

export const SCREENS: readonly ScreenDefinition[] = [
  { id: 'start', label: 'Start', icon: '⌂', shortcut: 'Alt+1', Component: StartScreen },
  { id: 'model', label: 'Model', icon: '☰', shortcut: 'Alt+2', Component: ModelScreen },
  // diagram: Alt+3, items: Alt+4, patterns: Alt+5 (ui-views)
  {
    id: 'problems',
    label: 'Problems',
    icon: '⚠',
    shortcut: 'Alt+6',
    Component: ProblemsScreen,
    Badge: ProblemsBadge,
  },
  // export: Alt+7, learn: Alt+8 (ui-views)
  { id: 'data', label: 'Data', icon: '▦', shortcut: 'Alt+9', Component: DataScreen },
  { id: 'connections', label: 'Connections', icon: '⛁', shortcut: 'Alt+Shift+C', Component: ConnectionsScreen },
];
