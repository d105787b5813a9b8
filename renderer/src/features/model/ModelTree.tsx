import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../../../shared/model/diagnostic.js';
import { formatSegments, parsePath } from '../../state/json-path.js';
import { entityColor } from '../../components/entity-color.js';
import { useAnalysis } from '../../state/analysis.js';
import type { TreeNode } from './tree-nodes.js';

const KIND_GLYPH: Record<TreeNode['kind'], string> = {
  model: '◆',
  table: '▦',
  group: '',
  index: '⇄',
  entity: '●',
  attribute: '·',
  pattern: '→',
};

/** Rows are 24 px high (app.css `.tree-row`), the tree has 6 px of padding above and below them. */
const ROW_HEIGHT = 24;
const TREE_PADDING = 6;

/**
 * The Model tree (WAI-ARIA tree pattern, flat rows with aria-level): Up/Down move, Right opens or goes to the first
 * child, Left closes or goes to the parent, Home/End, type-ahead by first letters; the selection follows the focus.
 * Virtualized (@tanstack/react-virtual): only the rows in view and a margin are in the DOM, each with its
 * aria-level, aria-setsize and aria-posinset, so a 200-entity, 1,000-pattern model renders ~60 rows, not ~1,400.
 * Moving the focus to a row outside the window scrolls it in and focuses it once rendered; the selected row stays
 * in the DOM while scrolled out, so the focus is never lost and Tab finds the tree.
 */
export function ModelTree({
  nodes,
  activeId,
  onActivate,
}: {
  nodes: readonly TreeNode[];
  activeId: string | undefined;
  onActivate: (node: TreeNode) => void;
}) {
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set(defaultCollapsed(nodes)));
  const rowRefs = useRef(new Map<string, HTMLDivElement>());
  const treeRef = useRef<HTMLDivElement>(null);
  /** A row to focus as soon as it is rendered (it may be outside the virtual window when the focus moves). */
  const pendingFocus = useRef<string | undefined>(undefined);
  const typeahead = useRef({ text: '', at: 0 });
  const { diagnostics } = useAnalysis();

  // Keep the active node visible: open its ancestors when the selection comes from elsewhere (focusPath, diagram).
  useEffect(() => {
    if (!activeId) return;
    const ancestors: string[] = [];
    for (let n = byId.get(activeId); n?.parentId; n = byId.get(n.parentId)) ancestors.push(n.parentId);
    setCollapsed((c) =>
      ancestors.some((id) => c.has(id)) ? new Set([...c].filter((id) => !ancestors.includes(id))) : c,
    );
  }, [activeId, byId]);

  const visible = useMemo(() => {
    const out: TreeNode[] = [];
    const hidden = (n: TreeNode): boolean => {
      for (let p = n.parentId; p; p = byId.get(p)?.parentId) if (collapsed.has(p)) return true;
      return false;
    };
    for (const n of nodes) if (!hidden(n)) out.push(n);
    return out;
  }, [nodes, byId, collapsed]);

  // the same map object while the marks stay the same (most keystrokes), so the rows are not even compared
  const lastMarks = useRef<ReadonlyMap<string, 'error' | 'warning'>>(new Map());
  const problemMarks = useMemo(() => {
    const next = markProblems(diagnostics);
    if (!sameMarks(lastMarks.current, next)) lastMarks.current = next;
    return lastMarks.current;
  }, [diagnostics]);

  const positions = useMemo(() => new Map(visible.map((n, i) => [n.id, i])), [visible]);
  const current = activeId && positions.has(activeId) ? activeId : visible[0]?.id;

  // a stable function while the rows are the same: the virtualizer recomputes every row's position when it changes
  const getItemKey = useCallback((i: number) => visible[i]!.id, [visible]);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => treeRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    paddingStart: TREE_PADDING,
    paddingEnd: TREE_PADDING,
    overscan: 16,
    // the first render (before the tree is measured) already shows a screenful of rows
    initialRect: { width: 320, height: 900 },
  });

  /** Scrolls the row into view (when it is not) and focuses it as soon as it is in the DOM. */
  /** Is the row at this index among the rendered window (not the selected row kept outside it)? */
  const inWindow = (index: number): boolean => {
    const items = virtualizer.getVirtualItems();
    return items.length > 0 && index >= items[0]!.index && index <= items[items.length - 1]!.index;
  };
  const focusRow = (id: string): void => {
    const index = positions.get(id);
    if (index === undefined) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const row = rowRefs.current.get(id);
    if (row && inWindow(index)) {
      pendingFocus.current = undefined;
      row.focus({ preventScroll: true });
      return;
    }
    pendingFocus.current = id;
    // the tree holds the focus (and takes the keys typed meanwhile) until the row is rendered
    if (document.activeElement !== treeRef.current) treeRef.current?.focus({ preventScroll: true });
  };
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    const index = id === undefined ? undefined : positions.get(id);
    const row = id === undefined ? undefined : rowRefs.current.get(id);
    if (!row || index === undefined || !inWindow(index)) return;
    pendingFocus.current = undefined;
    row.focus({ preventScroll: true });
  });

  // A selection made elsewhere (focusPath, the diagram, Undo) brings its row to the middle when it is out of view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the active node changes, not on every scroll
  useEffect(() => {
    const index = activeId === undefined ? undefined : positions.get(activeId);
    const tree = treeRef.current;
    if (index === undefined || !tree) return;
    const start = TREE_PADDING + index * ROW_HEIGHT;
    if (start < tree.scrollTop || start + ROW_HEIGHT > tree.scrollTop + tree.clientHeight)
      virtualizer.scrollToIndex(index, { align: 'center' });
  }, [activeId, positions]);

  const move = (node: TreeNode | undefined): void => {
    if (!node) return;
    onActivate(node);
    focusRow(node.id);
  };
  const toggle = (node: TreeNode, open?: boolean): void => {
    const closing = open === false || (open === undefined && !collapsed.has(node.id));
    if (closing && activeId && activeId !== node.id) {
      for (let n = byId.get(activeId); n?.parentId; n = byId.get(n.parentId))
        if (n.parentId === node.id) {
          onActivate(node);
          break;
        }
    }
    setCollapsed((c) => {
      const next = new Set(c);
      const isOpen = !c.has(node.id);
      if (open ?? !isOpen) next.delete(node.id);
      else next.add(node.id);
      return next;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, node: TreeNode): void => {
    const i = visible.indexOf(node);
    const expandable = node.childIds.length > 0;
    const open = expandable && !collapsed.has(node.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        move(visible[i + 1]);
        break;
      case 'ArrowUp':
        move(visible[i - 1]);
        break;
      case 'ArrowRight':
        if (expandable && !open) toggle(node, true);
        else if (open) move(byId.get(node.childIds[0]!));
        break;
      case 'ArrowLeft':
        if (open) toggle(node, false);
        else if (node.parentId) move(byId.get(node.parentId));
        break;
      case 'Home':
        move(visible[0]);
        break;
      case 'End':
        move(visible[visible.length - 1]);
        break;
      case 'Enter':
      case ' ':
        if (expandable) toggle(node);
        onActivate(node);
        break;
      case '*':
        setCollapsed((c) => new Set([...c].filter((id) => byId.get(id)?.parentId !== node.parentId)));
        break;
      default:
        handled = false;
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const now = Date.now();
          const t = typeahead.current;
          t.text = now - t.at < 700 ? t.text + event.key.toLowerCase() : event.key.toLowerCase();
          t.at = now;
          const ordered = [...visible.slice(i + 1), ...visible.slice(0, i + 1)];
          const start = t.text.length > 1 ? [node, ...ordered] : ordered;
          move(start.find((n) => n.label.toLowerCase().startsWith(t.text)));
          handled = true;
        }
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const onRowKeyDown = useRef(onKeyDown);
  onRowKeyDown.current = onKeyDown;
  const handlers = useMemo(
    () => ({
      activate: (node: TreeNode) => onActivateRef.current(node),
      toggle: (node: TreeNode) => toggleRef.current(node),
      keyDown: (event: KeyboardEvent<HTMLDivElement>, node: TreeNode) => onRowKeyDown.current(event, node),
      ref: (id: string, el: HTMLDivElement | null) => {
        if (el) rowRefs.current.set(id, el);
        else rowRefs.current.delete(id);
      },
    }),
    [],
  );
  const onActivateRef = useRef(onActivate);
  onActivateRef.current = onActivate;
  const toggleRef = useRef(toggle);
  toggleRef.current = toggle;

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const from = first?.index ?? 0;
  const to = last ? last.index + 1 : 0;
  // The selected row stays in the DOM (at its own offset) when it is scrolled out of the window, in the same keyed
  // list as the others, so a focused row keeps the focus and Tab always finds the tree.
  const currentIndex = current === undefined ? -1 : (positions.get(current) ?? -1);
  // While the focus waits on the tree for a row to be rendered (a keyboard move far away), keys act on that row.
  const onTreeKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return;
    const node = byId.get(pendingFocus.current ?? current ?? '');
    if (node) onKeyDown(event, node);
  };

  return (
    <div ref={treeRef} role="tree" aria-label="Model" className="tree" tabIndex={-1} onKeyDown={onTreeKeyDown}>
      <div role="none" style={{ position: 'relative', height: visible.length * ROW_HEIGHT }}>
        <TreeRows
          visible={visible}
          from={from}
          to={to}
          currentIndex={currentIndex}
          collapsed={collapsed}
          current={current}
          problemMarks={problemMarks}
          handlers={handlers}
        />
      </div>
    </div>
  );
}

/** The rows; skipped as a whole when none of its inputs changed (a keystroke that leaves the marks as they were). */
const TreeRows = memo(function TreeRows({
  visible,
  from,
  to,
  currentIndex,
  collapsed,
  current,
  problemMarks,
  handlers,
}: {
  visible: readonly TreeNode[];
  /** The rendered window: visible[from] up to (not including) visible[to]. */
  from: number;
  to: number;
  /** The selected row's index, rendered also when outside the window (-1: none). */
  currentIndex: number;
  collapsed: ReadonlySet<string>;
  current: string | undefined;
  problemMarks: ReadonlyMap<string, 'error' | 'warning'>;
  handlers: RowHandlers;
}) {
  const indexes: number[] = [];
  if (currentIndex >= 0 && currentIndex < from) indexes.push(currentIndex);
  for (let i = from; i < to; i++) indexes.push(i);
  if (currentIndex >= to) indexes.push(currentIndex);
  return indexes.map((i) => {
    const node = visible[i]!;
    return (
      <TreeRow
        key={node.id}
        node={node}
        offset={i * ROW_HEIGHT}
        open={node.childIds.length > 0 && !collapsed.has(node.id)}
        selected={node.id === current}
        setSize={node.setSize}
        position={node.position}
        problem={problemMarks.get(node.id)}
        handlers={handlers}
      />
    );
  });
});

function sameMarks(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, mark] of a) if (b.get(id) !== mark) return false;
  return true;
}

interface RowHandlers {
  activate: (node: TreeNode) => void;
  toggle: (node: TreeNode) => void;
  keyDown: (event: KeyboardEvent<HTMLDivElement>, node: TreeNode) => void;
  ref: (id: string, el: HTMLDivElement | null) => void;
}

/** One row; re-renders only when what it shows changes (a keystroke rebuilds the node objects, not their content). */
const TreeRow = memo(
  function TreeRow({
    node,
    offset,
    open,
    selected,
    setSize,
    position,
    problem,
    handlers,
  }: {
    node: TreeNode;
    /** Pixels from the top of the rows (rows are absolutely positioned: the virtual window). */
    offset: number;
    open: boolean;
    selected: boolean;
    setSize: number;
    position: number;
    problem: 'error' | 'warning' | undefined;
    handlers: RowHandlers;
  }) {
    const expandable = node.childIds.length > 0;
    const colour = node.entity && node.kind !== 'pattern' ? entityColor(node.entity) : undefined;
    return (
      <div
        ref={(el) => handlers.ref(node.id, el)}
        role="treeitem"
        aria-label={node.label}
        aria-level={node.level}
        aria-setsize={setSize}
        aria-posinset={position}
        aria-expanded={expandable ? open : undefined}
        aria-selected={selected}
        tabIndex={selected ? 0 : -1}
        className={`tree-row kind-${node.kind}`}
        style={{
          position: 'absolute',
          top: 0,
          left: 0,
          right: 0,
          transform: `translateY(${offset}px)`,
          paddingLeft: 6 + (node.level - 1) * 14,
        }}
        onClick={() => handlers.activate(node)}
        onKeyDown={(e) => handlers.keyDown(e, node)}
      >
        <span
          className="tree-twisty"
          aria-hidden="true"
          onClick={(e) => {
            if (!expandable) return;
            e.stopPropagation();
            handlers.toggle(node);
          }}
        >
          {expandable ? (open ? '▾' : '▸') : ''}
        </span>
        {node.kind !== 'group' && (
          <span className="tree-glyph" aria-hidden="true" style={colour ? { color: colour.color } : undefined}>
            {KIND_GLYPH[node.kind]}
          </span>
        )}
        <span className={`tree-label ${node.kind === 'attribute' ? 'mono' : ''}`}>{node.label}</span>
        {node.detail && (
          <span className="tree-detail" aria-hidden="true">
            {node.detail}
          </span>
        )}
        {problem && (
          <span className={`tree-problem ${problem}`} role="img" aria-label={`has ${problem}s`}>
            {problem === 'error' ? '⨯' : '⚠'}
          </span>
        )}
      </div>
    );
  },
  (a, b) =>
    a.offset === b.offset &&
    a.open === b.open &&
    a.selected === b.selected &&
    a.setSize === b.setSize &&
    a.position === b.position &&
    a.problem === b.problem &&
    a.handlers === b.handlers &&
    a.node.id === b.node.id &&
    a.node.label === b.node.label &&
    a.node.detail === b.node.detail &&
    a.node.level === b.node.level &&
    a.node.entity === b.node.entity &&
    a.node.childIds.length === b.node.childIds.length,
);

/**
 * The worst problem under each tree node, in one pass over the diagnostics: a diagnostic marks the table, index,
 * entity, attribute or pattern its path lies in (node ids are those paths).
 */
function markProblems(diagnostics: readonly Diagnostic[]): Map<string, 'error' | 'warning'> {
  const marks = new Map<string, 'error' | 'warning'>();
  const mark = (id: string, severity: 'error' | 'warning'): void => {
    if (marks.get(id) !== 'error') marks.set(id, severity);
  };
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    const s = parsePath(d.path);
    if (s[0] !== 'tables' || typeof s[1] !== 'number') continue;
    mark(formatSegments(s.slice(0, 2)), d.severity);
    if (typeof s[3] === 'number') {
      mark(formatSegments(s.slice(0, 4)), d.severity);
      if (s[2] === 'entities' && s[4] === 'attributes' && typeof s[5] === 'number')
        mark(formatSegments(s.slice(0, 6)), d.severity);
    }
  }
  return marks;
}

function defaultCollapsed(nodes: readonly TreeNode[]): string[] {
  return nodes.filter((n) => n.kind === 'entity' && n.childIds.length > 0).map((n) => n.id);
}
