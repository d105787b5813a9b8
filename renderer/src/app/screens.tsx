import type { ComponentType } from 'react';
import { ConnectionsScreen } from '../features/connections/ConnectionsScreen.js';
import { DiagramScreen } from '../features/diagram/DiagramScreen.js';
import { ExportScreen } from '../features/export/ExportScreen.js';
import { ItemsScreen } from '../features/items/ItemsScreen.js';
import { LearnScreen } from '../features/learn/LearnScreen.js';
import { PatternsScreen } from '../features/patterns/PatternsScreen.js';
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
  { id: 'diagram', label: 'Diagram', icon: '◇', shortcut: 'Alt+3', Component: DiagramScreen },
  { id: 'items', label: 'Items', icon: '▤', shortcut: 'Alt+4', Component: ItemsScreen },
  { id: 'patterns', label: 'Patterns', icon: '⇢', shortcut: 'Alt+5', Component: PatternsScreen },
  {
    id: 'problems',
    label: 'Problems',
    icon: '⚠',
    shortcut: 'Alt+6',
    Component: ProblemsScreen,
    Badge: ProblemsBadge,
  },
  { id: 'export', label: 'Export', icon: '⇪', shortcut: 'Alt+7', Component: ExportScreen },
  { id: 'learn', label: 'Learn', icon: '?', shortcut: 'Alt+8', Component: LearnScreen },
  { id: 'data', label: 'Data', icon: '▦', shortcut: 'Alt+9', Component: DataScreen },
  { id: 'connections', label: 'Connections', icon: '⛁', shortcut: 'Alt+Shift+C', Component: ConnectionsScreen },
];
