import { useMemo, useState } from 'react';
import type { Model } from '../../../../shared/model/schema.js';
import { useCommand } from '../../state/commands.js';
import { joinPath, parsePath } from '../../state/json-path.js';
import { useDocument } from '../../state/model-store.js';
import { hasScreen, showScreen } from '../../state/navigation.js';
import { select, useSelection } from '../../state/selection.js';
import { addAttribute, addEntity, addIndex, addPattern, addTable } from './model-edits.js';
import { AttributeForm } from './forms/AttributeForm.js';
import { EntityForm } from './forms/EntityForm.js';
import { GroupView } from './forms/GroupView.js';
import { IndexForm } from './forms/IndexForm.js';
import { ModelForm } from './forms/ModelForm.js';
import { PatternForm } from './forms/PatternForm.js';
import { SeedEntityForm } from './forms/SeedEntityForm.js';
import { TableForm } from './forms/TableForm.js';
import { ModelTree } from './ModelTree.js';
import { nodeForSelection, type TreeNode, treeOf } from './tree-nodes.js';

/**
 * A Model command that adds an object under `path` (disabled without one): a selected group row gives way to the new
 * object's form, and `showModel` brings the Model screen forward first.
 */
function useAddCommand(
  { opened, clearLocalNode }: { opened: boolean; clearLocalNode: () => void },
  command: { id: string; title: string; path: string | undefined; add: (path: string) => void; showModel?: boolean },
): void {
  const { id, title, path, add, showModel } = command;
  useCommand({
    id,
    title,
    group: 'Model',
    enabled: opened && path !== undefined,
    run: () => {
      if (path === undefined) return;
      if (showModel) showScreen('model');
      clearLocalNode();
      add(path);
    },
  });
}

/** Model: the tree of tables, indexes, entities and access patterns, and the form of the selected object. */
export function ModelScreen() {
  const { model, opened } = useDocument();
  const selection = useSelection();
  const nodes = useMemo(() => treeOf(model), [model]);
  // Group rows and the model row have no selection target; they are remembered here.
  const [localNode, setLocalNode] = useState<string>();
  // A selection made elsewhere (focusPath, the diagram, a link) replaces a selected group row.
  const [seenSelection, setSeenSelection] = useState(selection);
  if (seenSelection !== selection) {
    setSeenSelection(selection);
    setLocalNode(undefined);
  }
  const selectedNode = nodeForSelection(nodes, selection);
  const active =
    (localNode && nodes.find((n) => n.id === localNode)) || selectedNode || nodes.find((n) => n.kind === 'table');
  const tablePath = active?.tablePath ?? (model.tables.length ? '$.tables[0]' : undefined);

  const activate = (node: TreeNode): void => {
    if (node.target) {
      setLocalNode(undefined);
      select(node.target);
    } else setLocalNode(node.id);
  };

  const adding = { opened, clearLocalNode: () => setLocalNode(undefined) };
  useAddCommand(adding, {
    id: 'model.add-table',
    title: 'Add table',
    path: '$',
    add: () => addTable(),
    showModel: true,
  });
  useAddCommand(adding, {
    id: 'model.add-entity',
    title: 'Add entity',
    path: tablePath,
    add: addEntity,
    showModel: true,
  });
  useAddCommand(adding, {
    id: 'model.add-pattern',
    title: 'Add access pattern',
    path: tablePath,
    add: (path) =>
      addPattern(path, active?.kind === 'entity' || active?.kind === 'attribute' ? active.entity : undefined),
    showModel: true,
  });
  useAddCommand(adding, {
    id: 'model.add-gsi',
    title: 'Add global secondary index (GSI)',
    path: tablePath,
    add: (path) => addIndex(path, 'gsi'),
  });
  useAddCommand(adding, {
    id: 'model.add-lsi',
    title: 'Add local secondary index (LSI)',
    path: tablePath,
    add: (path) => addIndex(path, 'lsi'),
  });
  const entityPath = active?.kind === 'entity' ? active.id : active?.kind === 'attribute' ? active.parentId : undefined;
  useAddCommand(adding, {
    id: 'model.add-attribute',
    title: 'Add attribute to the selected entity',
    path: entityPath,
    add: addAttribute,
  });

  if (!opened) {
    return (
      <section className="screen" aria-labelledby="model-title">
        <header className="screen-header">
          <h1 id="model-title">Model</h1>
        </header>
        <div className="empty">
          No model is open.{' '}
          <button type="button" className="button" onClick={() => showScreen('start')}>
            Open or create one on the Start screen
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="screen" aria-labelledby="model-title">
      <h1 id="model-title" className="visually-hidden">
        Model
      </h1>
      <div className="split">
        <ModelTree nodes={nodes} activeId={active?.id} onActivate={activate} />
        <div className="form-pane">{active ? <NodeForm model={model} node={active} /> : <ModelForm />}</div>
      </div>
    </section>
  );
}

function NodeForm({ model, node }: { model: Model; node: TreeNode }) {
  const s = parsePath(node.tablePath ?? node.id);
  const ti = typeof s[1] === 'number' ? s[1] : -1;
  const table = model.tables[ti];
  const tablePath = node.tablePath ?? '$';
  const n = parsePath(node.id);
  if (node.kind === 'model' || !table) return <ModelForm />;
  if (node.kind === 'group' && node.group) return <GroupView table={table} tablePath={tablePath} group={node.group} />;
  if (node.kind === 'table') return <TableForm key={node.id} table={table} path={node.id} />;
  if (node.kind === 'index') {
    const kind = n[2] === 'globalSecondaryIndexes' ? 'gsi' : 'lsi';
    const index = (kind === 'gsi' ? table.globalSecondaryIndexes : table.localSecondaryIndexes)?.[n[3] as number];
    return index ? (
      <IndexForm key={node.id} table={table} tablePath={tablePath} index={index} path={node.id} kind={kind} />
    ) : null;
  }
  if (n[2] === 'seedEntities') {
    const owner = table.seedEntities?.[n[3] as number];
    const ownerPath = joinPath(tablePath, 'seedEntities', n[3] as number);
    if (node.kind === 'entity' && owner)
      return <SeedEntityForm key={node.id} table={table} tablePath={tablePath} entity={owner} path={node.id} />;
    const attribute = owner?.attributes[n[5] as number];
    if (node.kind === 'attribute' && owner && attribute)
      return (
        <AttributeForm
          key={node.id}
          table={table}
          entity={owner}
          entityPath={ownerPath}
          attribute={attribute}
          path={node.id}
        />
      );
    return null;
  }
  const entity = n[2] === 'entities' ? table.entities[n[3] as number] : undefined;
  if (node.kind === 'entity' && entity)
    return (
      <EntityForm
        key={node.id}
        table={table}
        tablePath={tablePath}
        entity={entity}
        path={node.id}
        hasItemsScreen={hasScreen('items')}
      />
    );
  if (node.kind === 'attribute' && entity) {
    const attribute = entity.attributes[n[5] as number];
    return attribute ? (
      <AttributeForm
        key={node.id}
        table={table}
        entity={entity}
        entityPath={node.parentId ?? tablePath}
        attribute={attribute}
        path={node.id}
      />
    ) : null;
  }
  if (node.kind === 'pattern') {
    const pattern = table.accessPatterns[n[3] as number];
    return pattern ? (
      <PatternForm
        key={node.id}
        table={table}
        tablePath={tablePath}
        pattern={pattern}
        path={node.id}
        hasPatternsScreen={hasScreen('patterns')}
      />
    ) : null;
  }
  return null;
}
