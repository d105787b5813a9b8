import { SelectField, TextField } from '../../../components/fields.js';
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
