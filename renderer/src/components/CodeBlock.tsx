import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import { type ReactNode, useMemo } from 'react';
import './code-block.css';

hljs.registerLanguage('json', json);
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('python', python);
hljs.registerLanguage('yaml', yaml);

export type CodeLanguage = 'json' | 'typescript' | 'python' | 'yaml';

/** Highlighting stops paying off (and costs a frame) past this size: longer text shows plain. */
const HIGHLIGHT_LIMIT = 200_000;

/**
 * Read-only code with syntax highlighting (highlight.js escapes the text, so the HTML it returns is safe to
 * insert). A labelled, focusable region, with optional actions (Copy, Save) in its header.
 */
export function CodeBlock({
  code,
  language,
  label,
  actions,
  className,
}: {
  code: string;
  language: CodeLanguage;
  label: string;
  actions?: ReactNode;
  className?: string;
}) {
  const html = useMemo(
    () => (code.length <= HIGHLIGHT_LIMIT ? hljs.highlight(code, { language, ignoreIllegals: true }).value : undefined),
    [code, language],
  );
  return (
    <section className={`mt-code ${className ?? ''}`} aria-label={label}>
      <header className="mt-code-header">
        <span className="mt-code-title">{label}</span>
        <span className="mt-code-actions">{actions}</span>
      </header>
      {html !== undefined ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js output, the code text HTML-escaped
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it
        <pre className="mt-code-body hljs" tabIndex={0} dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it
        <pre className="mt-code-body" tabIndex={0}>
          {code}
        </pre>
      )}
    </section>
  );
}
