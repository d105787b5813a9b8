import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { type ExportFormat, EXPORT_FORMATS } from './export-rows.js';
import { cancelExport, exportAll, useExport } from './export-store.js';

/** Export…: every page of the current read as CSV, JSON lines or DynamoDB JSON lines, with progress and Cancel. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const state = useExport();
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !state.running && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>Export all pages</Dialog.Title>
          <Dialog.Description>
            Reads the whole result again from its first row, page after page, and saves it as a file.
          </Dialog.Description>
          <fieldset className="filters">
            <legend>Format</legend>
            {EXPORT_FORMATS.map((f) => (
              <label key={f.id} className="checkbox-row">
                <input
                  type="radio"
                  name="export-format"
                  checked={format === f.id}
                  onChange={() => setFormat(f.id)}
                  disabled={state.running}
                />
                {f.label}
              </label>
            ))}
          </fieldset>
          {(state.running || state.done || state.error) && (
            <p role="status">
              {state.running && `Exporting… ${state.rows.toLocaleString('en-US')} rows`}
              {!state.running &&
                state.done &&
                `Saved ${state.done.rows.toLocaleString('en-US')} rows as ${state.done.fileName}.`}
              {!state.running && state.error}
            </p>
          )}
          <div className="dialog-actions">
            {state.running ? (
              <button type="button" className="button danger" onClick={cancelExport}>
                Cancel
              </button>
            ) : (
              <>
                <button type="button" className="button" onClick={onClose}>
                  Close
                </button>
                <button type="button" className="button primary" onClick={() => void exportAll(format)}>
                  Export
                </button>
              </>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
