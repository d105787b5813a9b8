import { type ComponentType, lazy } from 'react';
import { ModelScreen } from '../features/model/ModelScreen.js';
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
  /** Starts loading a lazily loaded screen's code (the nav calls it when the pointer or focus reaches the entry). */
  preload?: () => void;
  /** Shown after the label in the nav (e.g. the problem count); must describe itself with aria-label. */
  Badge?: ComponentType;
  /** JSON paths whose fields this screen shows (focusPath goes there instead of Model). */
  owns?: (path: string) => boolean;
}

/**
 * A screen whose code is loaded on first use (its own chunk: the Diagram's dagre and React Flow, highlight.js, the
 * data screens), so opening a file parses only Start, Model and Problems. App renders it under Suspense.
 */
function lazyScreen(load: () => Promise<ComponentType>): Pick<ScreenDefinition, 'Component' | 'preload'> {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const start = () => {
    loading ??= load().then((Component) => ({ default: Component }));
    return loading;
  };
  return { Component: lazy(start), preload: () => void start() };
}

export const SCREENS: readonly ScreenDefinition[] = [
  { id: 'start', label: 'Start', icon: '⌂', shortcut: 'Alt+1', Component: StartScreen },
  { id: 'model', label: 'Model', icon: '☰', shortcut: 'Alt+2', Component: ModelScreen },
  {
    id: 'diagram',
    label: 'Diagram',
    icon: '◇',
    shortcut: 'Alt+3',
    ...lazyScreen(() => import('../features/diagram/DiagramScreen.js').then((m) => m.DiagramScreen)),
  },
  {
    id: 'items',
    label: 'Items',
    icon: '▤',
    shortcut: 'Alt+4',
    ...lazyScreen(() => import('../features/items/ItemsScreen.js').then((m) => m.ItemsScreen)),
  },
  {
    id: 'patterns',
    label: 'Patterns',
    icon: '⇢',
    shortcut: 'Alt+5',
    ...lazyScreen(() => import('../features/patterns/PatternsScreen.js').then((m) => m.PatternsScreen)),
  },
  {
    id: 'problems',
    label: 'Problems',
    icon: '⚠',
    shortcut: 'Alt+6',
    Component: ProblemsScreen,
    Badge: ProblemsBadge,
  },
  {
    id: 'export',
    label: 'Export',
    icon: '⇪',
    shortcut: 'Alt+7',
    ...lazyScreen(() => import('../features/export/ExportScreen.js').then((m) => m.ExportScreen)),
  },
  {
    id: 'learn',
    label: 'Learn',
    icon: '?',
    shortcut: 'Alt+8',
    ...lazyScreen(() => import('../features/learn/LearnScreen.js').then((m) => m.LearnScreen)),
  },
  {
    id: 'data',
    label: 'Data',
    icon: '▦',
    shortcut: 'Alt+9',
    ...lazyScreen(() => import('../features/operations/DataScreen.js').then((m) => m.DataScreen)),
  },
  {
    id: 'connections',
    label: 'Connections',
    icon: '⛁',
    shortcut: 'Alt+Shift+C',
    ...lazyScreen(() => import('../features/connections/ConnectionsScreen.js').then((m) => m.ConnectionsScreen)),
  },
];
