import { Tabs } from 'radix-ui';
import { useMemo, useState } from 'react';
import { getApiClient } from '../../api/index.js';
import { CodeBlock } from '../../components/CodeBlock.js';
import { CopyButton } from '../../components/CopyButton.js';
import { useCommand } from '../../state/commands.js';
import { useModel } from '../../state/model-store.js';
import { exportFileName, exportPreview, FORMATS, type FormatInfo } from './export-formats.js';
import './export.css';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; path: string; bytes: number }
  | { kind: 'exists'; path: string }
  | { kind: 'error'; message: string; hint?: string };

/** Every export format with a highlighted preview, Copy and Save; CreateTable JSON first. */
export function ExportScreen() {
  const model = useModel();
  const [format, setFormat] = useState<string>(FORMATS[0]!.format);
  const [table, setTable] = useState<string | undefined>(undefined);
  const tableName = table !== undefined && model.tables.some((t) => t.name === table) ? table : model.tables[0]?.name;
  const info = FORMATS.find((f) => f.format === format) ?? FORMATS[0]!;
  const preview = useMemo(() => exportPreview(model, info, tableName), [model, info, tableName]);

  return (
    <section className="screen" aria-labelledby="export-title">
      <header className="screen-header">
        <h1 id="export-title">Export</h1>
        <span className="muted">Everything is generated from the model; nothing needs a database.</span>
        <span className="spacer" />
        {model.tables.length > 1 && (
          <label className="export-table">
            Table{' '}
            <select aria-label="Table" value={tableName} onChange={(e) => setTable(e.target.value)}>
              {model.tables.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <Tabs.Root
        className="export"
        orientation="vertical"
        value={info.format}
        onValueChange={(value) => setFormat(value)}
      >
        <Tabs.List className="export-formats" aria-label="Export formats">
          {FORMATS.map((f) => (
            <Tabs.Trigger key={f.format} value={f.format} className="export-format">
              {f.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {FORMATS.map((f) => (
          <Tabs.Content key={f.format} value={f.format} className="export-panel">
            {f.format === info.format && (
              <ExportPanel
                key={`${f.format}:${tableName ?? ''}`}
                info={f}
                preview={preview}
                fileName={exportFileName(model, f, tableName)}
                tableName={tableName}
              />
            )}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </section>
  );
}

function ExportPanel({
  info,
  preview,
  fileName,
  tableName,
}: {
  info: FormatInfo;
  preview: ReturnType<typeof exportPreview>;
  fileName: string;
  tableName: string | undefined;
}) {
  const [path, setPath] = useState(fileName);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const ttlPath = fileName.replace(/\.create-table\.json$/, '.time-to-live.json');

  const write = async (force: boolean): Promise<void> => {
    setSave({ kind: 'saving' });
    const client = getApiClient();
    const result = await client.call('file.writeText', { path, text: preview.text, ...(force && { force }) });
    if (!result.ok) {
      if (result.error.code === 'FILE_CHANGED') setSave({ kind: 'exists', path });
      else {
        const hint = (result.error.details as { hint?: unknown } | undefined)?.hint;
        setSave({ kind: 'error', message: result.error.message, ...(typeof hint === 'string' && { hint }) });
      }
      return;
    }
    if (preview.timeToLive) {
      await client.call('file.writeText', { path: ttlPath, text: preview.timeToLive, force: true });
    }
    setSave({ kind: 'saved', path: result.value.path, bytes: result.value.bytes });
  };

  useCommand({
    id: 'export.copy',
    title: `Copy ${info.label}`,
    group: 'Export',
    enabled: preview.ok,
    run: () => void navigator.clipboard?.writeText(preview.text),
  });

  return (
    <div className="export-body">
      <p className="export-description">
        {info.description}
        {info.perTable && tableName && (
          <>
            {' '}
            Table: <strong>{tableName}</strong>.
          </>
        )}
      </p>
      {preview.notes.length > 0 && (
        <ul className="export-notes" aria-label="Notes">
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {!preview.ok && preview.error && (
        <div className="export-error" role="alert">
          <strong>{preview.error.message}</strong>
          {preview.error.hint && <p>{preview.error.hint}</p>}
        </div>
      )}
      {preview.ok && (
        <form
          className="export-save"
          onSubmit={(e) => {
            e.preventDefault();
            void write(false);
          }}
        >
          <label>
            File <input type="text" value={path} onChange={(e) => setPath(e.target.value)} aria-label="File name" />
          </label>
          <button
            type="submit"
            className="button primary"
            aria-label={`Save ${info.label}`}
            disabled={save.kind === 'saving' || path.trim() === ''}
          >
            Save to file
          </button>
          <span role="status" className="export-save-status">
            {save.kind === 'saved' &&
              `Saved ${save.path} (${save.bytes} bytes)${preview.timeToLive ? ` and ${ttlPath}` : ''}.`}
            {save.kind === 'error' && `${save.message}${save.hint ? ` ${save.hint}` : ''}`}
          </span>
          {save.kind === 'exists' && (
            <span className="export-exists" role="alert">
              {save.path} already exists.{' '}
              <button type="button" className="button small danger" onClick={() => void write(true)}>
                Replace
              </button>
            </span>
          )}
        </form>
      )}
      {preview.ok && (
        <div className="export-code">
          <CodeBlock
            code={preview.text}
            language={info.language}
            label={`${info.label} preview`}
            actions={<CopyButton text={preview.text} what={info.label} />}
          />
          {preview.timeToLive && (
            <CodeBlock
              code={preview.timeToLive}
              language="json"
              label="UpdateTimeToLive JSON"
              className="export-ttl"
              actions={<CopyButton text={preview.timeToLive} what="UpdateTimeToLive JSON" />}
            />
          )}
        </div>
      )}
    </div>
  );
}
