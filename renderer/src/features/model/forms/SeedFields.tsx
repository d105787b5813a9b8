import type { Attribute, Table } from '../../../../../shared/model/schema.js';
import { NumberField, SelectField } from '../../../components/fields.js';
import { joinPath } from '../../../state/json-path.js';
import { FormSection } from './FormSection.js';

/**
 * How the seeder makes an entity's items (`seed`): a count, the parent entity and children per parent (uniform or
 * skewed), or one item per member of the parent's relationship. Shared by entities and seed-only entities.
 */
export function SeedFields({ table, path, name }: { table: Table; path: string; name: string }) {
  const seedPath = joinPath(path, 'seed');
  const parents = [...table.entities, ...(table.seedEntities ?? [])]
    .filter((e) => e.name !== name)
    .map((e) => ({ value: e.name, label: e.name }));
  const memberSets = [...table.entities, ...(table.seedEntities ?? [])].flatMap((e) =>
    e.attributes.filter((a: Attribute) => a.generator?.kind === 'members').map((a) => a.name),
  );
  return (
    <FormSection title="Seeding" columns={4}>
      <NumberField label="Items to seed" path={joinPath(seedPath, 'count')} integer optional placeholder="—" />
      <SelectField
        label="Parent entity"
        path={joinPath(seedPath, 'parent')}
        none="From the first ref generator"
        options={parents}
      />
      <SelectField
        label="One item per member of"
        path={joinPath(seedPath, 'perMember')}
        none="—"
        options={[...new Set(memberSets)].map((m) => ({ value: m, label: m }))}
      />
      <span />
      <NumberField
        label="Per parent, at least"
        path={joinPath(seedPath, 'perParent', 'min')}
        integer
        optional
        placeholder="—"
      />
      <NumberField
        label="Per parent, at most"
        path={joinPath(seedPath, 'perParent', 'max')}
        integer
        optional
        placeholder="—"
      />
      <SelectField
        label="Per parent distribution"
        path={joinPath(seedPath, 'perParent', 'distribution')}
        none="Uniform (default)"
        options={[
          { value: 'uniform', label: 'Uniform' },
          { value: 'skewed', label: 'Skewed (most near the minimum)' },
        ]}
      />
      <NumberField label="Skew exponent" path={joinPath(seedPath, 'perParent', 'skew')} optional placeholder="1.2" />
    </FormSection>
  );
}
