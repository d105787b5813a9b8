import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { entityColor } from '../../components/entity-color.js';
import { isUnder, useAnalysis } from '../../state/analysis.js';
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

/**
 * The Model tree (WAI-ARIA tree pattern, flat rows with aria-level): Up/Down move, Right opens or goes to the first
 * child, Left closes or goes to the parent, Home/End, type-ahead by first letters; the selection follows the focus.
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

  const problemCounts = useMemo(() => {
    const counts = new Map<string, 'error' | 'warning'>();
    for (const n of nodes) {
      if (n.kind === 'group' || n.kind === 'model') continue;
      const own = diagnostics.filter((d) => isUnder(d.path, n.id) && d.severity !== 'info');
      if (own.length) counts.set(n.id, own.some((d) => d.severity === 'error') ? 'error' : 'warning');
    }
    return counts;
  }, [nodes, diagnostics]);

  const current = activeId && visible.some((n) => n.id === activeId) ? activeId : visible[0]?.id;

  const move = (node: TreeNode | undefined): void => {
    if (!node) return;
    onActivate(node);
    rowRefs.current.get(node.id)?.focus();
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

  return (
    <div role="tree" aria-label="Model" className="tree">
      {visible.map((node) => {
        const expandable = node.childIds.length > 0;
        const open = expandable && !collapsed.has(node.id);
        const siblings = node.parentId ? (byId.get(node.parentId)?.childIds ?? []) : [node.id];
        const colour = node.entity && node.kind !== 'pattern' ? entityColor(node.entity) : undefined;
        const problem = problemCounts.get(node.id);
        return (
          <div
            key={node.id}
            ref={(el) => {
              if (el) rowRefs.current.set(node.id, el);
              else rowRefs.current.delete(node.id);
            }}
            role="treeitem"
            aria-label={node.label}
            aria-level={node.level}
            aria-setsize={siblings.length}
            aria-posinset={siblings.indexOf(node.id) + 1}
            aria-expanded={expandable ? open : undefined}
            aria-selected={node.id === current}
            tabIndex={node.id === current ? 0 : -1}
            className={`tree-row kind-${node.kind}`}
            style={{ paddingLeft: 6 + (node.level - 1) * 14 }}
            onClick={() => {
              onActivate(node);
            }}
            onKeyDown={(e) => onKeyDown(e, node)}
          >
            <span
              className="tree-twisty"
              aria-hidden="true"
              onClick={(e) => {
                if (!expandable) return;
                e.stopPropagation();
                toggle(node);
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
      })}
    </div>
  );
}

function defaultCollapsed(nodes: readonly TreeNode[]): string[] {
  return nodes.filter((n) => n.kind === 'entity' && n.childIds.length > 0).map((n) => n.id);
}
