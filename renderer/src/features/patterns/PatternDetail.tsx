import { Tabs } from 'radix-ui';
import { useEffect, useMemo, useState } from 'react';
import type { Model } from '../../../../shared/model/schema.js';
import type { ResolvedPattern } from '../../../../shared/patterns/resolved-pattern.js';
import { CodeBlock } from '../../components/CodeBlock.js';
import { CopyButton } from '../../components/CopyButton.js';
import { entityColor } from '../../components/entity-color.js';
import { focusPath } from '../../state/selection.js';
import { HelpTip } from '../learn/HelpTip.js';
import { OperationPanel } from './OperationPanel.js';
import { PreviewTable } from './PreviewTable.js';
import {
  costView,
  formatUsd,
  initialParameters,
  operationView,
  parameterValues,
  patternCode,
  requestJson,
  runPreview,
} from './pattern-view.js';

/** One access pattern: what it resolves to, its parameters, the live preview, capacity and cost, request and code. */
export function PatternDetail({ model, resolved, path }: { model: Model; resolved: ResolvedPattern; path: string }) {
  const table = model.tables.find((t) => t.name === resolved.table)!;
  const [text, setText] = useState<Record<string, string>>(() => initialParameters(model, resolved));
  // the screen remounts this per pattern; an added or renamed parameter starts from its example, typed values stay
  const parameterNames = resolved.parameters.map((p) => p.name).join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the parameter list resets values
  useEffect(() => {
    const initial = initialParameters(model, resolved);
    setText((current) => {
      const next: Record<string, string> = {};
      for (const name of Object.keys(initial)) next[name] = current[name] ?? initial[name]!;
      return next;
    });
  }, [parameterNames]);
  const values = useMemo(() => parameterValues(resolved, text), [resolved, text]);
  const operation = useMemo(() => operationView(resolved, table), [resolved, table]);
  const preview = useMemo(() => {
    performance.mark('monotable:preview:start');
    const outcome = runPreview(model, resolved.name, values);
    performance.mark('monotable:preview:end');
    return outcome;
  }, [model, resolved.name, values]);
  const request = useMemo(() => requestJson(resolved, values), [resolved, values]);
  const cost = useMemo(() => costView(model, resolved), [model, resolved]);
  const [codeTab, setCodeTab] = useState('request');
  const colour = entityColor(resolved.entity);
  const problems = resolved.diagnostics.filter((d) => d.code !== 'pattern-needs-scan' && d.code !== 'pattern-scan');

  return (
    <article className="pattern-detail" aria-labelledby="pattern-title">
      <header className="pattern-head">
        <h2 id="pattern-title">{resolved.name}</h2>
        <span className="entity-chip" style={{ color: colour.color, background: colour.background }}>
          {resolved.entity}
        </span>
        <span className="faint">{resolved.kind}</span>
        <span className="spacer" />
        <button type="button" className="button small" onClick={() => focusPath(path)}>
          Edit in Model
        </button>
      </header>
      {resolved.description && <p className="pattern-description">{resolved.description}</p>}

      <OperationPanel view={operation} resolved={resolved} path={path} />

      {problems.length > 0 && (
        <ul className="pattern-problems" aria-label="Problems of this pattern">
          {problems.map((d) => (
            <li key={`${d.code}${d.path}${d.message}`} className={d.severity}>
              <button type="button" className="linklike" onClick={() => focusPath(d.path)}>
                {d.message}
              </button>
              {d.hint && <span className="muted"> {d.hint}</span>}
            </li>
          ))}
        </ul>
      )}

      <div className="pattern-columns">
        <section className="pattern-section" aria-labelledby="parameters-title">
          <h3 id="parameters-title">Parameters</h3>
          {resolved.parameters.length === 0 && <p className="muted">This pattern takes no parameters.</p>}
          <div className="pattern-params">
            {resolved.parameters.map((parameter) => (
              <label key={parameter.name} className="pattern-param">
                <span className="pattern-param-name mono">{parameter.name}</span>
                <input
                  type="text"
                  value={text[parameter.name] ?? ''}
                  placeholder={parameter.type ? `${parameter.type} value` : 'value'}
                  onChange={(e) => setText((t) => ({ ...t, [parameter.name]: e.target.value }))}
                  aria-describedby={parameter.description ? `param-help-${parameter.name}` : undefined}
                />
                {parameter.description && (
                  <span id={`param-help-${parameter.name}`} className="pattern-param-help">
                    {parameter.description}
                  </span>
                )}
              </label>
            ))}
          </div>
        </section>
        <section className="pattern-section" aria-labelledby="capacity-title">
          <h3 id="capacity-title">
            Capacity and cost <HelpTip term="capacity" />
          </h3>
          {cost ? (
            <dl className="pattern-cost">
              <dt>Item size</dt>
              <dd>{cost.itemBytes !== undefined ? `${Math.round(cost.itemBytes)} bytes (mean)` : '—'}</dd>
              <dt>Read units</dt>
              <dd>
                {cost.capacity.readUnits} RCU
                {cost.capacity.consistency ? ` (${cost.capacity.consistency})` : ''}
                {cost.capacity.itemsRead !== undefined && cost.capacity.readUnits > 0
                  ? `, ${round(cost.capacity.itemsRead)} ${cost.capacity.itemsRead === 1 ? 'item' : 'items'} read`
                  : ''}
              </dd>
              <dt>Write units</dt>
              <dd>
                {round(cost.capacity.writeUnits)} WCU
                {Object.keys(cost.capacity.gsiWriteUnits).length > 0 && (
                  <>
                    {' '}
                    (table {round(cost.capacity.tableWriteUnits)}
                    {Object.entries(cost.capacity.gsiWriteUnits).map(([gsi, units]) => (
                      <span key={gsi}>
                        , GSI {gsi} {round(units)}
                      </span>
                    ))}
                    )
                  </>
                )}
              </dd>
              <dt>On demand</dt>
              <dd>{formatUsd(cost.perMillionRequests)} per million requests</dd>
              <dt>Monthly</dt>
              <dd>
                {cost.monthly !== undefined
                  ? `${formatUsd(cost.monthly)} at ${cost.requestsPerSecond} requests/s`
                  : 'set requestsPerSecond on the pattern to estimate'}
                {cost.billing === 'provisioned' && ' (provisioned table: capacity is paid per hour, see Export)'}
              </dd>
              <dt>Prices</dt>
              <dd className="faint">
                {cost.region}, as of {cost.priceDate}
              </dd>
            </dl>
          ) : (
            <p className="muted">No estimate: the pattern does not resolve.</p>
          )}
          {cost && cost.capacity.notes.length > 0 && (
            <ul className="pattern-notes">
              {cost.capacity.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="pattern-section" aria-labelledby="preview-title">
        <h3 id="preview-title">Preview over the sample items</h3>
        {preview.ok ? (
          <PreviewTable table={table} result={preview.result} />
        ) : (
          <p className="pattern-preview-error" role="status">
            {preview.message}
            {preview.hint && <span className="muted"> {preview.hint}</span>}
          </p>
        )}
      </section>

      <Tabs.Root value={codeTab} onValueChange={setCodeTab} className="pattern-code">
        <Tabs.List aria-label="Request and code" className="pattern-code-tabs">
          <Tabs.Trigger value="request">Request</Tabs.Trigger>
          <Tabs.Trigger value="typescript">TypeScript</Tabs.Trigger>
          <Tabs.Trigger value="python">Python</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="request">
          {request.ok ? (
            <CodeBlock
              code={request.json}
              language="json"
              label={`${request.operation} request`}
              actions={<CopyButton text={request.json} what="request" />}
            />
          ) : (
            <p className="pattern-preview-error">{request.message}</p>
          )}
        </Tabs.Content>
        <Tabs.Content value="typescript">
          {codeTab === 'typescript' && <Code model={model} resolved={resolved} language="typescript" />}
        </Tabs.Content>
        <Tabs.Content value="python">
          {codeTab === 'python' && <Code model={model} resolved={resolved} language="python" />}
        </Tabs.Content>
      </Tabs.Root>
    </article>
  );
}

function Code({
  model,
  resolved,
  language,
}: {
  model: Model;
  resolved: ResolvedPattern;
  language: 'typescript' | 'python';
}) {
  const code = useMemo(() => patternCode(model, resolved, language), [model, resolved, language]);
  const title = language === 'typescript' ? 'TypeScript' : 'Python';
  return (
    <CodeBlock
      code={code}
      language={language}
      label={`${title} (${language === 'typescript' ? 'AWS SDK v3' : 'boto3'})`}
      actions={<CopyButton text={code} what={title} />}
    />
  );
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
