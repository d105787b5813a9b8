import { Dialog } from 'radix-ui';
import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { SeedPlanInfoSchema } from '../../../../shared/api/methods/seed.js';
import { callApi, failureText } from '../../files/api-call.js';
import { useModel } from '../../state/model-store.js';
import { ensureConnection, useActiveConnection } from '../connections/connection-store.js';
import { runRead } from '../results/results-store.js';
import { type SeedJob, cancelSeed, startSeed, useSeed } from './seed-store.js';
import './seed.css';

type PlanInfo = z.output<typeof SeedPlanInfoSchema>;

/** Parents the plan spreads entities over that are not entities of the table (e.g. a Conversation). */
function parentsOf(plan: PlanInfo | undefined): string[] {
  if (!plan) return [];
  const entities = new Set(plan.counts.map((c) => c.entity));
  return [...new Set(plan.counts.flatMap((c) => (c.parent && !entities.has(c.parent) ? [c.parent] : [])))];
}

/** Seed…: the counts per entity planned up front, the seed number and locale; progress, Cancel, the summary. */
export function SeedDialog({ table, onClose }: { table: string; onClose: () => void }) {
  const model = useModel();
  const id = useId();
  const seed = useSeed();
  const [plan, setPlan] = useState<PlanInfo>();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [seedNumber, setSeedNumber] = useState<number>();
  const [locale, setLocale] = useState<string>();
  const [error, setError] = useState<string>();
  const [started, setStarted] = useState(false);
  // Production connections: every write needs the table name typed back, a seed too.
  const production = useActiveConnection()?.production === true;
  const [confirm, setConfirm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => {
      callApi('seed.plan', {
        model,
        table,
        sample: 0,
        ...(Object.keys(counts).length ? { counts } : {}),
        ...(seedNumber !== undefined ? { seed: seedNumber } : {}),
        ...(locale ? { locale } : {}),
      })
        .then((p) => {
          setPlan(p);
          setError(undefined);
        })
        .catch((e: unknown) => setError(failureText(e)));
    }, 200);
    return () => clearTimeout(timer);
  }, [model, table, counts, seedNumber, locale]);
  const job = started ? seed.job : undefined;
  const running = job?.state === 'running';
  const start = async () => {
    setError(undefined);
    try {
      const connection = await ensureConnection();
      setStarted(true);
      await startSeed(model, connection.connectionId, {
        table,
        ...(Object.keys(counts).length ? { counts } : {}),
        ...(seedNumber !== undefined ? { seed: seedNumber } : {}),
        ...(locale ? { locale } : {}),
        ...(production ? { confirm } : {}),
      });
    } catch (e) {
      setError(failureText(e));
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog seed-dialog">
          <Dialog.Title>Seed {table}</Dialog.Title>
          <Dialog.Description>
            Related fake data from the model's generators (Faker), reproducible from the seed number. A second run
            writes only what is missing.
          </Dialog.Description>
          {!job && (
            <form
              className="dialog-form"
              onSubmit={(e) => {
                e.preventDefault();
                void start();
              }}
            >
              <table className="list-table seed-counts">
                <thead>
                  <tr>
                    <th scope="col">Entity</th>
                    <th scope="col">Items</th>
                    <th scope="col">Per</th>
                  </tr>
                </thead>
                <tbody>
                  {parentsOf(plan).map((parent) => (
                    <tr key={parent}>
                      <th scope="row">{parent}</th>
                      <td>
                        <input
                          type="number"
                          min={0}
                          aria-label={`${parent} count`}
                          placeholder="default"
                          value={counts[parent] ?? ''}
                          onChange={(e) =>
                            setCounts((all) => ({ ...all, [parent]: Math.max(0, Number(e.target.value)) }))
                          }
                        />
                      </td>
                      <td className="muted">not stored: its children are</td>
                    </tr>
                  ))}
                  {plan?.counts.map((c) => (
                    <tr key={c.entity}>
                      <th scope="row">{c.entity}</th>
                      <td>
                        <input
                          type="number"
                          min={0}
                          aria-label={`${c.entity} count`}
                          value={counts[c.entity] ?? c.count}
                          onChange={(e) =>
                            setCounts((all) => ({ ...all, [c.entity]: Math.max(0, Number(e.target.value)) }))
                          }
                        />
                      </td>
                      <td className="muted">{c.parent ? `spread over ${c.parent}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                <strong>{plan ? plan.planned.toLocaleString('en-US') : '…'}</strong> items planned.
              </p>
              <div className="inline-row">
                <label className="field">
                  <span>Seed number</span>
                  <input
                    type="number"
                    id={`${id}-seed`}
                    value={seedNumber ?? plan?.seed ?? ''}
                    onChange={(e) => setSeedNumber(Number(e.target.value))}
                  />
                </label>
                <label className="field">
                  <span>Locale</span>
                  <input value={locale ?? plan?.locale ?? ''} onChange={(e) => setLocale(e.target.value)} />
                </label>
              </div>
              {production && (
                <label className="field">
                  <span>Type the table name to seed this production table</span>
                  <input value={confirm} placeholder={table} onChange={(e) => setConfirm(e.target.value)} />
                </label>
              )}
              {error && (
                <p className="field-problem error" role="alert">
                  {error}
                </p>
              )}
              <div className="dialog-actions">
                <button type="button" className="button" onClick={onClose}>
                  Close
                </button>
                <button type="submit" className="button primary" disabled={!plan}>
                  Seed
                </button>
              </div>
            </form>
          )}
          {job && (
            <>
              <SeedProgressView job={job} />
              {!running && <SeedSummaryView job={job} />}
              {(error || seed.error) && (
                <p className="field-problem error" role="alert">
                  {error ?? seed.error}
                </p>
              )}
              <div className="dialog-actions">
                {running ? (
                  <button type="button" className="button danger" onClick={() => void cancelSeed()}>
                    Cancel
                  </button>
                ) : (
                  <>
                    <button type="button" className="button" onClick={onClose}>
                      Close
                    </button>
                    {job.state !== 'done' || job.summary?.failed ? (
                      <button
                        type="button"
                        className="button"
                        title="The same plan again: items that exist are skipped, the missing ones are written"
                        onClick={() => void start()}
                      >
                        Seed again
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="button primary"
                      onClick={() => {
                        onClose();
                        void ensureConnection().then((c) =>
                          runRead(`Scan ${table}`, table, c.connectionId, {
                            method: 'operation.scan',
                            input: { model, table },
                          }),
                        );
                      }}
                    >
                      Show the rows
                    </button>
                  </>
                )}
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The progress bar of a seed job with its rate and ETA. */
export function SeedProgressView({ job }: { job: SeedJob }) {
  const p = job.progress;
  const done = p ? p.written + p.failed + p.skippedExisting : 0;
  const planned = job.planned;
  return (
    <div className="seed-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label={`Seeding ${job.table}`}
        aria-valuemin={0}
        aria-valuemax={planned}
        aria-valuenow={done}
      >
        <div className="progress-fill" style={{ width: `${planned ? (100 * done) / planned : 0}%` }} />
      </div>
      <div className="muted seed-figures">
        <span>
          {done.toLocaleString('en-US')} / {planned.toLocaleString('en-US')} items
        </span>
        {p && <span>{Math.round(p.ratePerSecond).toLocaleString('en-US')} items/s</span>}
        {p?.etaSeconds !== undefined && job.state === 'running' && <span>ETA {Math.ceil(p.etaSeconds)} s</span>}
      </div>
      {p?.retries ? (
        <div className="muted seed-retries" data-retries={p.retries}>
          {p.retries.toLocaleString('en-US')} {p.retries === 1 ? 'request' : 'requests'} retried with backoff
          {p.lastRetry ? `; last: ${p.lastRetry}` : ''}
        </div>
      ) : null}
    </div>
  );
}

/** The distinct reasons of the listed failures, most frequent first, for the summary. */
function failureReasons(job: SeedJob): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of job.summary?.failures ?? []) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

function SeedSummaryView({ job }: { job: SeedJob }) {
  const s = job.summary;
  const hint = job.error?.details.hint;
  const failed = s?.failed ?? 0;
  const heading =
    job.state === 'done'
      ? failed > 0
        ? `Seed finished: ${failed.toLocaleString('en-US')} ${failed === 1 ? 'item' : 'items'} failed`
        : 'Seed finished'
      : job.state === 'cancelled'
        ? 'Seed cancelled'
        : 'Seed stopped';
  return (
    <div className="seed-summary" role="status">
      <p>
        <strong>{heading}</strong>
        {job.error && `: ${job.error.message}`}
      </p>
      {typeof hint === 'string' && <p className="seed-hint">{hint}</p>}
      {failed > 0 && (
        <ul className="seed-failures" aria-label="Why items failed">
          {failureReasons(job)
            .slice(0, 3)
            .map((f) => (
              <li key={f.reason}>
                {f.reason}
                {f.count > 1 && <span className="muted"> ({f.count} listed)</span>}
              </li>
            ))}
        </ul>
      )}
      {s && (
        <dl className="summary-figures">
          <dt>Written</dt>
          <dd>{s.written.toLocaleString('en-US')}</dd>
          <dt>Skipped as existing</dt>
          <dd>{s.skippedExisting.toLocaleString('en-US')}</dd>
          <dt>Failed</dt>
          <dd>{s.failed.toLocaleString('en-US')}</dd>
          <dt>Unknown</dt>
          <dd>{s.unknown.toLocaleString('en-US')}</dd>
          {s.notStarted > 0 && (
            <>
              <dt>Not started</dt>
              <dd>{s.notStarted.toLocaleString('en-US')}</dd>
            </>
          )}
        </dl>
      )}
      {(job.state !== 'done' || failed > 0) && typeof hint !== 'string' && (
        <p className="muted">
          Seed again runs the same plan: it continues where this one stopped, skipping the items that exist.
        </p>
      )}
    </div>
  );
}
