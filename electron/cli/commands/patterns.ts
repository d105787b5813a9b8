import { resolveAll } from '../../../shared/patterns/resolve.js';
import type { ResolvedPattern } from '../../../shared/patterns/resolved-pattern.js';
import { hasErrors } from '../../../shared/model/diagnostic.js';
import { singleFile } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { formatDiagnostic } from '../format-diagnostics.js';
import { loadModelFile } from '../load-model.js';

const usage = `Usage: monotable patterns FILE [--json]

Lists each access pattern and the DynamoDB operation that serves it: GetItem, Query on the table or an index
(with key condition and direction), a write, or a Scan (flagged).

  --json   print the resolved patterns (operation, index, expressions, parameters, diagnostics) as a JSON array

Exit status: 0 every pattern resolves, 1 a pattern has errors, 2 the file cannot be read or the arguments are wrong.`;

function servedBy(p: ResolvedPattern): string {
  if (p.operation === 'TransactWriteItems') return `${p.transactItems?.length ?? 0} writes`;
  return p.indexName ? `${p.indexName} (${p.indexKind.toUpperCase()})` : `${p.table} (table)`;
}

/** Aligned columns for humans; the summary last since it is the longest. */
export function patternTable(patterns: readonly ResolvedPattern[]): string {
  const header = ['PATTERN', 'ENTITY', 'OPERATION', 'SERVED BY', 'SUMMARY'];
  const rows = patterns.map((p) => [
    p.name,
    p.entity,
    p.needsScan ? `${p.operation} (scan!)` : p.operation,
    servedBy(p),
    p.summary,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const out = [line(header)];
  for (const [i, p] of patterns.entries()) {
    out.push(line(rows[i]!));
    for (const d of p.diagnostics) out.push(`    ${formatDiagnostic(d).replace(/\n/g, '\n    ')}`);
  }
  return `${out.join('\n')}\n`;
}

export const patternsCommand: Command = {
  name: 'patterns',
  usage,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const { model, notes } = await loadModelFile(singleFile(positionals, usage), io);
    for (const note of notes) io.stderr.write(`note: ${formatDiagnostic(note)}\n`);
    const patterns = resolveAll(model);
    if (values.json === true) io.stdout.write(`${JSON.stringify(patterns, null, 2)}\n`);
    else if (patterns.length === 0) io.stdout.write('The model has no access patterns yet.\n');
    else io.stdout.write(patternTable(patterns));
    return patterns.some((p) => hasErrors(p.diagnostics)) ? EXIT.FINDINGS : EXIT.OK;
  },
};
