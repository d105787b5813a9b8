import { Suspense, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useAnalysis } from '../state/analysis.js';
import { installShortcuts, shortcutLabel, useCommand } from '../state/commands.js';
import { useDocument } from '../state/model-store.js';
import { redoAndReveal, undoAndReveal } from './undo-reveal.js';
import { registerPathOwner, registerScreenIds, showScreen, useScreen } from '../state/navigation.js';
import { toggleTheme, useTheme } from '../state/theme.js';
import { save } from '../files/document-io.js';
import { ConflictDialog, RecoveryDialog, ReplaceDialog, SaveAsDialog } from '../files/FileDialogs.js';
import { ConnectionStatus } from '../features/connections/ConnectionStatus.js';
import { CommandPalette } from './CommandPalette.js';
import { FileCommands, Notice, SaveState } from './FileCommands.js';
import { useFocusRequests } from './focus-field.js';
import { SCREENS, type ScreenDefinition } from './screens.js';
// The shell's own dialogs and the status bar's connection badge use rules of data.css (`.dialog .field`,
// `.connection-status.production`): loaded with the shell, not only with the lazily loaded data screens.
import '../features/results/data.css';

const ORDERED: readonly ScreenDefinition[] = [...SCREENS].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
for (const screen of ORDERED) if (screen.owns) registerPathOwner(screen.id, screen.owns);
registerScreenIds(ORDERED.map((s) => s.id));

/** The shell: title bar (file name, dirty mark, undo/redo, theme), nav, the current screen, status bar. */
export function App() {
  const current = useScreen();
  const screen = ORDERED.find((s) => s.id === current) ?? ORDERED[0]!;
  const mainRef = useRef<HTMLElement>(null);
  const container = useCallback(() => mainRef.current, []);
  useFocusRequests(screen.id, container);
  useEffect(() => installShortcuts(), []);
  return (
    <div className="shell">
      <TitleBar />
      <nav className="nav" aria-label="Screens">
        {ORDERED.map((s) => (
          <NavEntry key={s.id} screen={s} current={s.id === screen.id} />
        ))}
      </nav>
      <main className="main" ref={mainRef} aria-label={screen.label}>
        <Notice />
        <Suspense fallback={<ScreenLoading label={screen.label} />}>
          <screen.Component />
        </Suspense>
      </main>
      <StatusBar />
      <CommandPalette />
      <EditCommands />
      <FileCommands />
      <RecoveryDialog />
      <ConflictDialog />
      <SaveAsDialog />
      <ReplaceDialog />
    </div>
  );
}

function NavEntry({ screen, current }: { screen: ScreenDefinition; current: boolean }) {
  useCommand({
    id: `go.${screen.id}`,
    title: `Go to ${screen.label}`,
    group: 'Go',
    shortcut: screen.shortcut,
    whileTyping: true,
    run: () => showScreen(screen.id),
  });
  return (
    <button
      type="button"
      className="nav-item"
      aria-label={screen.label}
      aria-current={current ? 'page' : undefined}
      aria-keyshortcuts={screen.shortcut.replace('Mod', 'Control')}
      title={`${screen.label} (${shortcutLabel(screen.shortcut)})`}
      onClick={() => showScreen(screen.id)}
      onPointerEnter={screen.preload}
      onFocus={screen.preload}
    >
      <span className="nav-icon" aria-hidden="true">
        {screen.icon}
      </span>
      <span className="nav-label">{screen.label}</span>
      {screen.Badge && <screen.Badge />}
    </button>
  );
}

/**
 * Shown while a lazily loaded screen's code arrives (a few ms from the local server): the screen's name in the usual
 * empty-state style, no spinner. focus-field.ts waits for the screen while this is on screen.
 */
function ScreenLoading({ label }: { label: string }) {
  return (
    <section className="screen" aria-busy="true" data-screen-loading="">
      <div className="empty" role="status">
        Opening {label}…
      </div>
    </section>
  );
}

function TitleBar() {
  const doc = useDocument();
  const theme = useTheme();
  const fileName = doc.path ? doc.path.split(/[\\/]/).pop() : undefined;
  useEffect(() => {
    document.title = doc.opened ? `${doc.dirty ? '● ' : ''}${doc.model.name} — Monotable` : 'Monotable';
  }, [doc.opened, doc.dirty, doc.model.name]);
  return (
    <header className="titlebar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Monotable
      </span>
      {doc.opened && (
        <span className="doc-name" title={doc.path ?? 'Not saved to a file yet'}>
          <strong>{doc.model.name}</strong>
          {' — '}
          {fileName ?? 'unsaved'}
          {doc.dirty && (
            <span className="dirty-mark" role="img" aria-label="unsaved changes">
              ●
            </span>
          )}
        </span>
      )}
      <span className="spacer" />
      {doc.opened && (
        <button
          type="button"
          className="button small"
          title={`Save (${shortcutLabel('Mod+S')})`}
          disabled={!doc.dirty && doc.path !== undefined}
          onClick={() => void save()}
        >
          Save
        </button>
      )}
      <button
        type="button"
        className="button ghost icon-button"
        aria-label="Undo"
        title={doc.undoLabel ? `Undo ${doc.undoLabel} (${shortcutLabel('Mod+Z')})` : 'Nothing to undo'}
        disabled={!doc.canUndo}
        onClick={undoAndReveal}
      >
        ↶
      </button>
      <button
        type="button"
        className="button ghost icon-button"
        aria-label="Redo"
        title={doc.redoLabel ? `Redo ${doc.redoLabel} (${shortcutLabel('Mod+Shift+Z')})` : 'Nothing to redo'}
        disabled={!doc.canRedo}
        onClick={redoAndReveal}
      >
        ↷
      </button>
      <button
        type="button"
        className="button ghost icon-button"
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        title="Toggle theme"
        onClick={toggleTheme}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </header>
  );
}

function StatusBar() {
  const doc = useDocument();
  const analysis = useAnalysis();
  // bench/ui-large-model.mjs times a keystroke until the problems it causes are painted: a layout effect marks the
  // commit that puts a new analysis in the DOM (a passive effect may run only after the frame that paints it)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the mark is set each time a new analysis is rendered
  useLayoutEffect(() => {
    performance.clearMarks('monotable:problems-shown');
    performance.mark('monotable:problems-shown');
  }, [analysis]);
  const tables = doc.model.tables.length;
  const entities = doc.model.tables.reduce((n, t) => n + t.entities.length, 0);
  const patterns = doc.model.tables.reduce((n, t) => n + t.accessPatterns.length, 0);
  return (
    <footer className="statusbar">
      <span>{doc.path ?? (doc.opened ? 'No file yet' : 'No model open')}</span>
      <SaveState />
      <span className="spacer" />
      <ConnectionStatus />
      {doc.opened && (
        <>
          <span>
            {tables} {tables === 1 ? 'table' : 'tables'} · {entities} {entities === 1 ? 'entity' : 'entities'} ·{' '}
            {patterns} {patterns === 1 ? 'pattern' : 'patterns'}
          </span>
          <button
            type="button"
            className="button ghost small"
            onClick={() => showScreen('problems')}
            aria-label={`${analysis.errors} errors, ${analysis.warnings} warnings`}
            aria-busy={analysis.pending}
            title={analysis.pending ? 'Checking the model…' : undefined}
          >
            <span style={{ color: analysis.errors ? 'var(--error)' : undefined }}>⨯ {analysis.errors}</span>
            <span style={{ color: analysis.warnings ? 'var(--warning)' : undefined }}>⚠ {analysis.warnings}</span>
          </button>
        </>
      )}
    </footer>
  );
}

function EditCommands() {
  const doc = useDocument();
  const theme = useTheme();
  useCommand({
    id: 'edit.undo',
    title: doc.undoLabel ? `Undo ${doc.undoLabel}` : 'Undo',
    group: 'Edit',
    shortcut: 'Mod+Z',
    whileTyping: true,
    enabled: doc.canUndo,
    run: undoAndReveal,
  });
  useCommand({
    id: 'edit.redo',
    title: doc.redoLabel ? `Redo ${doc.redoLabel}` : 'Redo',
    group: 'Edit',
    shortcut: 'Mod+Shift+Z',
    whileTyping: true,
    enabled: doc.canRedo,
    run: redoAndReveal,
  });
  useCommand({
    id: 'edit.redo-y',
    title: 'Redo (Ctrl+Y)',
    group: 'Edit',
    shortcut: 'Mod+Y',
    whileTyping: true,
    enabled: doc.canRedo,
    run: redoAndReveal,
  });
  useCommand({
    id: 'view.theme',
    title: theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
    group: 'View',
    shortcut: 'Mod+Alt+T',
    run: toggleTheme,
  });
  return null;
}
