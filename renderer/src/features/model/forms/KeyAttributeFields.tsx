import { SelectField, TextField } from '../../../components/fields.js';
import { editAt } from '../../../state/edit-path.js';
import { joinPath } from '../../../state/json-path.js';
import { renameKeyAttribute } from '../model-edits.js';

export const KEY_TYPE_OPTIONS = [
  { value: 'S', label: 'S — String' },
  { value: 'N', label: 'N — Number' },
  { value: 'B', label: 'B — Binary' },
] as const;

/** Name and type of a key attribute (`$.tables[0].partitionKey`); renaming moves the entities' templates along. */
export function KeyAttributeFields({ path, label }: { path: string; label: string }) {
  return (
    <>
      <TextField
        label={`${label} name`}
        path={joinPath(path, 'name')}
        mono
        write={(next) => renameKeyAttribute(joinPath(path, 'name'), next)}
      />
      <SelectField label={`${label} type`} path={joinPath(path, 'type')} options={KEY_TYPE_OPTIONS} />
    </>
  );
}

/**
 * "Add sort key" / "Remove sort key" for the key schema at `path` (a table or a GSI): adds `{ name: newName, type: S }`
 * or removes the sort key, as one undoable edit named `${what} sort key`.
 */
export function SortKeyToggle({
  path,
  hasSortKey,
  newName,
  what,
}: {
  path: string;
  hasSortKey: boolean;
  newName: string;
  what: string;
}) {
  return (
    <div className="field span-4">
      <button
        type="button"
        className="button small"
        onClick={() =>
          editAt(
            `${hasSortKey ? 'Remove' : 'Add'} ${what}`,
            joinPath(path, 'sortKey'),
            hasSortKey ? undefined : { name: newName, type: 'S' },
          )
        }
      >
        {hasSortKey ? 'Remove sort key' : 'Add sort key'}
      </button>
    </div>
  );
}
