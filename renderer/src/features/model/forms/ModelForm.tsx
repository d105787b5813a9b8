import { TextAreaField, TextField } from '../../../components/fields.js';
import { useModel } from '../../../state/model-store.js';
import { addTable } from '../model-edits.js';
import { FormHeader, FormSection } from './FormSection.js';

export function ModelForm() {
  const model = useModel();
  return (
    <div className="form">
      <FormHeader kind="Model" title={model.name}>
        <button type="button" className="button" onClick={addTable}>
          Add table
        </button>
      </FormHeader>
      <FormSection title="Model">
        <TextField label="Model name" path="$.name" mono />
        <TextField label="Author" path="$.author" optional />
        <TextAreaField label="Description" path="$.description" className="span-2" />
      </FormSection>
      <p className="muted form-note">
        Format <code>{model.format}</code> · {model.tables.length} {model.tables.length === 1 ? 'table' : 'tables'}
      </p>
    </div>
  );
}
