import { useCallback, useEffect, useId, useState } from 'react';
import { TEMPLATES } from '../../../../shared/templates/index.js';
import { callApi, failureText } from '../../files/api-call.js';
import { openBlankModel, openPath, openTemplate, whenChangesAreSafe } from '../../files/document-io.js';
import { useFileState } from '../../files/file-state.js';

interface Entry {
  name: string;
  path: string;
  kind: 'file' | 'directory';
  size: number;
  modified: string;
}

const MODEL_FILE = /\.(json|ya?ml|template)$/i;

/** Start: the built-in templates, recent files, and a file browser to open a model or import Workbench/CloudFormation. */
export function StartScreen() {
  const { app, online } = useFileState();
  return (
    <section className="screen" aria-labelledby="start-title">
      <div className="screen-body start">
        <header className="start-header">
          <h1 id="start-title">Start</h1>
          <p className="muted">
            Design a DynamoDB table around its access patterns: entities with key templates, indexes, and the queries
            that serve each pattern, checked as you type.
          </p>
        </header>
        <section aria-labelledby="templates-title" className="start-section">
          <h2 id="templates-title">New from a template</h2>
          <div className="template-grid">
            <button
              type="button"
              className="template-card blank"
              aria-label="Blank model"
              aria-describedby="template-blank"
              onClick={() => whenChangesAreSafe('a blank model', openBlankModel)}
            >
              <span className="template-title">Blank model</span>
              <span className="template-description" id="template-blank">
                One empty table with string keys pk and sk, on-demand; add entities and access patterns.
              </span>
            </button>
            {TEMPLATES.map((t) => (
              <button
                key={t.name}
                type="button"
                className="template-card"
                aria-label={t.title}
                aria-describedby={`template-${t.name}`}
                onClick={() => whenChangesAreSafe(`the template ${t.title}`, () => openTemplate(t.name))}
              >
                <span className="template-title">{t.title}</span>
                <span className="template-description" id={`template-${t.name}`}>
                  {t.description}
                </span>
              </button>
            ))}
          </div>
        </section>
        {app ? (
          <div className="start-columns">
            <RecentFiles />
            <OpenFile root={app.root} />
          </div>
        ) : (
          <p className="muted start-section">
            {online
              ? 'Connecting to Monotable…'
              : 'Files need the Monotable backend: start it with `monotable serve` and open the url it prints. Templates work without it.'}
          </p>
        )}
      </div>
    </section>
  );
}

function RecentFiles() {
  const [paths, setPaths] = useState<string[]>();
  useEffect(() => {
    callApi('file.recent', {})
      .then((r) => setPaths(r.paths))
      .catch(() => setPaths([]));
  }, []);
  return (
    <section aria-labelledby="recent-title" className="start-section">
      <h2 id="recent-title">Recent</h2>
      {paths === undefined ? (
        <p className="muted">Loading…</p>
      ) : paths.length === 0 ? (
        <p className="muted">No recent files yet.</p>
      ) : (
        <ul className="file-list">
          {paths.map((p) => (
            <li key={p}>
              <button
                type="button"
                className="file-row"
                onClick={() => whenChangesAreSafe(p, () => openPath(p))}
                title={p}
              >
                <span className="file-icon" aria-hidden="true">
                  ◆
                </span>
                <span className="file-name">{p.split(/[\\/]/).pop()}</span>
                <span className="file-dir faint">{p.split(/[\\/]/).slice(0, -1).join('/')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OpenFile({ root }: { root: string }) {
  const id = useId();
  const [dir, setDir] = useState<string>();
  const [listing, setListing] = useState<{ dir: string; parent: string | null; entries: Entry[] }>();
  const [error, setError] = useState<string>();
  const [path, setPath] = useState('');
  const load = useCallback((target: string | undefined) => {
    callApi('file.list', target ? { dir: target } : {})
      .then((r) => {
        setListing(r);
        setError(undefined);
      })
      .catch((e: unknown) => setError(failureText(e)));
  }, []);
  useEffect(() => load(dir), [dir, load]);
  const entries = (listing?.entries ?? []).filter((e) => e.kind === 'directory' || MODEL_FILE.test(e.name));
  return (
    <section aria-labelledby="open-title" className="start-section">
      <h2 id="open-title">Open or import a file</h2>
      <p className="muted small">
        A Monotable model, a NoSQL Workbench model (<code>.json</code>) or a CloudFormation template (<code>.json</code>
        /<code>.yaml</code>): the kind is detected from the content; imports open as a new unsaved model.
      </p>
      <form
        className="open-path"
        onSubmit={(e) => {
          e.preventDefault();
          const target = path.trim();
          if (target) whenChangesAreSafe(target, () => openPath(target));
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          File path
        </label>
        <input
          id={id}
          type="text"
          className="mono"
          placeholder={`path under ${root}`}
          value={path}
          spellCheck={false}
          onChange={(e) => setPath(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={!path.trim()}>
          Open
        </button>
      </form>
      <div className="browser">
        <div className="browser-path mono faint">{listing?.dir ?? root}</div>
        {error && (
          <p className="field-problem error" role="alert">
            {error}
          </p>
        )}
        <ul className="file-list">
          {listing?.parent && (
            <li>
              <button type="button" className="file-row" onClick={() => setDir(listing.parent ?? undefined)}>
                <span className="file-icon" aria-hidden="true">
                  ↰
                </span>
                <span className="file-name">.. (parent folder)</span>
              </button>
            </li>
          )}
          {entries.map((e) => (
            <li key={e.path}>
              <button
                type="button"
                className="file-row"
                onClick={() =>
                  e.kind === 'directory' ? setDir(e.path) : whenChangesAreSafe(e.path, () => openPath(e.path))
                }
                aria-label={e.kind === 'directory' ? `Folder ${e.name}` : e.name}
              >
                <span className="file-icon" aria-hidden="true">
                  {e.kind === 'directory' ? '▸' : '◆'}
                </span>
                <span className="file-name">{e.name}</span>
                {e.kind === 'file' && <span className="file-size faint">{formatSize(e.size)}</span>}
              </button>
            </li>
          ))}
          {listing && entries.length === 0 && <li className="muted empty-row">No model files here.</li>}
        </ul>
      </div>
    </section>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
