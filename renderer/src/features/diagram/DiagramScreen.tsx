import {
  Background,
  Controls,
  type Edge,
  MarkerType,
  MiniMap,
  type Node,
  type NodeMouseHandler,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type KeyboardEvent, useEffect, useMemo } from 'react';
import { useModel } from '../../state/model-store.js';
import { focusPath, useSelection } from '../../state/selection.js';
import { useTheme } from '../../state/theme.js';
import { HelpTip } from '../learn/HelpTip.js';
import { TourCard } from '../learn/TourCard.js';
import { type DiagramNode, layoutDiagram, nodeLabel } from './diagram-layout.js';
import { EntityNode, IndexNode, TableNode } from './DiagramNodes.js';
import './diagram.css';

const NODE_TYPES = { table: TableNode, entity: EntityNode, index: IndexNode };

const layouts = new WeakMap<object, ReturnType<typeof layoutDiagram>>();

/** The layout per model object: a re-render without an edit reuses it. */
function layoutOf(model: Parameters<typeof layoutDiagram>[0]): ReturnType<typeof layoutDiagram> {
  let layout = layouts.get(model);
  if (!layout) {
    performance.mark('monotable:diagram-layout:start');
    layout = layoutDiagram(model);
    performance.mark('monotable:diagram-layout:end');
    performance.measure('monotable:diagram-layout', 'monotable:diagram-layout:start', 'monotable:diagram-layout:end');
    layouts.set(model, layout);
  }
  return layout;
}

function isSelected(node: DiagramNode, selection: ReturnType<typeof useSelection>): boolean {
  if (!selection) return false;
  const data = node.data;
  if (data.kind === 'table') return selection.kind === 'table' && selection.table === data.name;
  if (selection.table !== data.table) return false;
  return selection.kind === data.kind && selection.name === data.name;
}

/** Tables as containers, entities with their key templates, indexes as alternate key sets, refs as edges. */
export function DiagramScreen() {
  return (
    <section className="screen" aria-labelledby="diagram-title">
      <header className="screen-header">
        <h1 id="diagram-title">Diagram</h1>
        <span className="muted">
          Each entity with its key templates: PK <HelpTip term="pk" />, SK <HelpTip term="sk" />, GSI{' '}
          <HelpTip term="gsi" /> and LSI <HelpTip term="lsi" /> keys. Click a box to edit it; arrows go from a parent to
          its children.
        </span>
      </header>
      <div className="diagram">
        <ReactFlowProvider>
          <Flow />
        </ReactFlowProvider>
      </div>
      <TourCard />
    </section>
  );
}

function Flow() {
  const model = useModel();
  const selection = useSelection();
  const theme = useTheme();
  const layout = layoutOf(model);
  const flow = useReactFlow();

  const nodes = useMemo<Node[]>(
    () =>
      layout.nodes.map((n) => ({
        id: n.id,
        type: n.data.kind,
        position: { x: n.x, y: n.y },
        width: n.width,
        height: n.height,
        data: n.data as unknown as Record<string, unknown>,
        ...(n.parentId !== undefined && { parentId: n.parentId, extent: 'parent' as const }),
        selected: isSelected(n, selection),
        draggable: false,
        connectable: false,
        focusable: true,
        ariaLabel: nodeLabel(n.data),
        ariaRole: 'button' as const,
        className: `dg-node-${n.data.kind}`,
        ...(n.data.kind === 'table' && { zIndex: -1, selectable: true }),
      })),
    [layout, selection],
  );
  const edges = useMemo<Edge[]>(
    () =>
      layout.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: e.label,
        type: 'smoothstep',
        markerEnd: { type: MarkerType.ArrowClosed },
        className: 'dg-edge',
        zIndex: 1,
        focusable: false,
      })),
    [layout],
  );
  const byId = useMemo(() => new Map(layout.nodes.map((n) => [n.id, n])), [layout]);
  const open = (id: string): void => {
    const node = byId.get(id);
    if (node) focusPath(node.path);
  };
  const onNodeClick: NodeMouseHandler = (_event, node) => open(node.id);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const element = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    const id = element?.dataset['id'];
    if (!id) return;
    event.preventDefault();
    open(id);
  };
  // fit the whole model when a different model (or a table more or less) is shown
  const shape = `${model.name}:${model.tables.length}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the model's outline changes
  useEffect(() => {
    const timer = setTimeout(() => void flow.fitView({ padding: 0.08, maxZoom: 1 }), 0);
    return () => clearTimeout(timer);
  }, [shape]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Enter on a focused node (React Flow's own focusable wrapper) opens its form
    <div className="diagram-flow" onKeyDown={onKeyDown}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodeClick={onNodeClick}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        nodesFocusable
        edgesFocusable={false}
        onlyRenderVisibleElements={layout.nodes.length > 60}
        minZoom={0.05}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
        colorMode={theme === 'dark' ? 'dark' : 'light'}
        proOptions={{ hideAttribution: true }}
        aria-label="Model diagram"
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
        {layout.nodes.length > 20 && <MiniMap pannable zoomable ariaLabel="Diagram overview" />}
      </ReactFlow>
    </div>
  );
}
