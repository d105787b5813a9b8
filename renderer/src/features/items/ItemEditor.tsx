import { Dialog } from 'radix-ui';
import { useMemo, useState } from 'react';
import { keyAttributes } from '../../../../shared/model/indexes.js';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { editModel, useModel } from '../../state/model-store.js';
import { itemText, parseItemText } from './item-text.js';

export interface EditTarget {
  tableIndex: number;
  entityIndex: number;
  itemIndex: number;
}

/**
 * The sample-item editor: the item as DynamoDB JSON, checked as you type (numbers, base64, sets, keys). A change of
 * an attribute's type is listed and must be confirmed; Save commits through editModel, so Undo reverts it.
 */
export function ItemEditor({ target, onClose }: { target: EditTarget | undefined; onClose: () => void }) {
  return (
    <Dialog.Root open={target !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        {target && <EditorContent target={target} onClose={onClose} />}
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function EditorContent({ target, onClose }: { target: EditTarget; onClose: () => void }) {
  const model = useModel();
  const table = model.tables[target.tableIndex];
  const entity = table?.entities[target.entityIndex];
  const original: Item | undefined = entity?.sampleItems?.[target.itemIndex];
  const [text, setText] = useState(() => (original ? itemText(original) : ''));
  const [confirmTypes, setConfirmTypes] = useState(false);
  const keys = useMemo(() => {
    if (!table) return { required: [], optional: [] };
    const tableKeys = new Set([table.partitionKey.name, table.sortKey?.name]);
    const all = keyAttributes(table);
    return { required: all.filter((k) => tableKeys.has(k.name)), optional: all.filter((k) => !tableKeys.has(k.name)) };
  }, [table]);
  const parsed = useMemo(() => (original ? parseItemText(text, original, keys) : undefined), [text, original, keys]);
  if (!table || !entity || !original || !parsed) {
    return (
      <Dialog.Content className="dialog item-editor" aria-describedby={undefined}>
        <Dialog.Title>Item not found</Dialog.Title>
        <p>The item was removed or the model changed. Close this dialog and choose the item again.</p>
        <div className="dialog-actions">
          <Dialog.Close className="button">Close</Dialog.Close>
        </div>
      </Dialog.Content>
    );
  }
  const needsConfirm = parsed.ok && parsed.typeChanges.length > 0;
  const canSave = parsed.ok && (!needsConfirm || confirmTypes) && text !== itemText(original);
  const save = (): void => {
    if (!parsed.ok || !canSave) return;
    const { tableIndex, entityIndex, itemIndex } = target;
    editModel(`Edit ${entity.name} sample item`, (draft) => {
      const items = draft.tables[tableIndex]?.entities[entityIndex]?.sampleItems;
      if (items && itemIndex < items.length) items[itemIndex] = parsed.item;
    });
    onClose();
  };
  return (
    <Dialog.Content className="dialog item-editor" aria-describedby="item-editor-help">
      <Dialog.Title>Edit {entity.name} sample item</Dialog.Title>
      <p id="item-editor-help" className="muted">
        DynamoDB JSON: every value carries its type (<code>{'{"S": "text"}'}</code>, <code>{'{"N": "42"}'}</code>,{' '}
        <code>{'{"SS": ["a", "b"]}'}</code>, <code>{'{"B": "base64"}'}</code>). Numbers stay text, so all 38 digits are
        kept.
      </p>
      <textarea
        className="item-editor-text mono"
        aria-label="Item as DynamoDB JSON"
        aria-invalid={!parsed.ok}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setConfirmTypes(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
        rows={18}
      />
      {!parsed.ok && (
        <ul className="item-editor-errors" role="alert" aria-label="Problems in the item">
          {parsed.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      {needsConfirm && (
        <div className="item-editor-types" role="alert">
          <p>This edit changes the type of:</p>
          <ul>
            {parsed.typeChanges.map((c) => (
              <li key={c.attribute}>
                <code>{c.attribute}</code>: {c.from} → {c.to}
              </li>
            ))}
          </ul>
          <label>
            <input type="checkbox" checked={confirmTypes} onChange={(e) => setConfirmTypes(e.target.checked)} /> Change
            these types
          </label>
        </div>
      )}
      <div className="dialog-actions">
        <Dialog.Close className="button">Cancel</Dialog.Close>
        <button type="button" className="button primary" disabled={!canSave} onClick={save}>
          Save item
        </button>
      </div>
    </Dialog.Content>
  );
}
