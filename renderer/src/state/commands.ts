import { useEffect, useRef } from 'react';
import { createStore, useStore } from './store.js';

/**
 * One registry of actions: the command palette lists them, the keyboard shortcuts run them.
 * `shortcut` uses `Mod` for Ctrl (⌘ on macOS), e.g. `Mod+Shift+Z`, `Alt+1`; a two-key sequence is `G M`.
 */
export interface Command {
  id: string;
  title: string;
  /** Palette group: File, Edit, Go, View, or the feature's name. */
  group?: string;
  shortcut?: string;
  /** False hides the command from the palette and ignores its shortcut (e.g. Undo with nothing to undo). */
  enabled?: boolean;
  /** Runs even while the focus is in a text field (Save, Undo, the palette). Default false for single keys. */
  whileTyping?: boolean;
  run: () => void;
}

const registry = createStore<readonly Command[]>([]);

/** Adds (or replaces, by id) commands; returns a function that removes them again. */
export function registerCommands(commands: readonly Command[]): () => void {
  const ids = new Set(commands.map((c) => c.id));
  registry.update((current) => [...current.filter((c) => !ids.has(c.id)), ...commands]);
  return () => registry.update((current) => current.filter((c) => !ids.has(c.id) || !commands.includes(c)));
}

export function useCommands(): readonly Command[] {
  return useStore(registry);
}

export function getCommands(): readonly Command[] {
  return registry.get();
}

export function runCommand(id: string): boolean {
  const command = registry.get().find((c) => c.id === id);
  if (!command || command.enabled === false) return false;
  command.run();
  return true;
}

/**
 * Registers a command for the lifetime of the calling component. `run` may change on every render: the registered
 * command always calls the latest one; title, shortcut and enabled re-register when they change.
 */
export function useCommand(command: Command): void {
  const run = useRef(command.run);
  run.current = command.run;
  const { id, title, group, shortcut, enabled, whileTyping } = command;
  useEffect(
    () =>
      registerCommands([
        {
          id,
          title,
          ...(group !== undefined ? { group } : {}),
          ...(shortcut !== undefined ? { shortcut } : {}),
          ...(enabled !== undefined ? { enabled } : {}),
          ...(whileTyping !== undefined ? { whileTyping } : {}),
          run: () => run.current(),
        },
      ]),
    [id, title, group, shortcut, enabled, whileTyping],
  );
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** `Mod+Shift+Z` → `Ctrl+Shift+Z` (or `⌘⇧Z` on macOS), for menus, tooltips and the palette. */
export function shortcutLabel(shortcut: string): string {
  if (!IS_MAC) return shortcut.replaceAll('Mod', 'Ctrl');
  return shortcut.replaceAll('Mod+', '⌘').replaceAll('Shift+', '⇧').replaceAll('Alt+', '⌥').replaceAll('Ctrl+', '⌃');
}

/** The chord of a keyboard event in the registry's notation (`Mod+Shift+Z`, `Alt+1`, `G`). */
export function chordOf(event: KeyboardEvent): string {
  const parts: string[] = [];
  if (IS_MAC ? event.metaKey : event.ctrlKey) parts.push('Mod');
  if (IS_MAC && event.ctrlKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  parts.push(keyName(event));
  return parts.join('+');
}

function keyName(event: KeyboardEvent): string {
  // event.code keeps Alt+1 and Shift+/ stable across layouts and the characters Alt produces on macOS.
  const code = event.code;
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit\d$/.test(code)) return code.slice(5);
  if (code === 'Slash') return '/';
  if (code === 'Comma') return ',';
  if (code === 'Period') return '.';
  if (code === 'BracketLeft') return '[';
  if (code === 'BracketRight') return ']';
  return event.key.length === 1 ? event.key.toUpperCase() : event.key;
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return false;
}

/**
 * Runs the command whose shortcut matches the key press. Sequences (`G M`) wait up to 1.5 s for the second key.
 * Returns a function that removes the listener.
 */
export function installShortcuts(target: Window = window): () => void {
  let pending: { first: string; at: number } | undefined;
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    if (['Control', 'Shift', 'Alt', 'Meta'].includes(event.key)) return;
    const chord = chordOf(event);
    const typing = isTextTarget(event.target);
    const commands = registry.get().filter((c) => c.enabled !== false && c.shortcut);
    const candidates = pending && Date.now() - pending.at < 1500 ? [`${pending.first} ${chord}`, chord] : [chord];
    pending = undefined;
    for (const candidate of candidates) {
      const command = commands.find((c) => c.shortcut === candidate);
      if (!command) continue;
      const hasModifier = candidate.includes('Mod+') || candidate.includes('Alt+') || candidate.includes('Ctrl+');
      if (typing && !(command.whileTyping ?? hasModifier)) continue;
      event.preventDefault();
      command.run();
      return;
    }
    if (!typing && commands.some((c) => c.shortcut!.startsWith(`${chord} `))) {
      pending = { first: chord, at: Date.now() };
      event.preventDefault();
    }
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
