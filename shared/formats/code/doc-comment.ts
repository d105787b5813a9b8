/** Comment blocks for generated code, safe against text that would close them. */

export function jsDoc(lines: readonly string[], indent = ''): string {
  const body = lines.flatMap((line) => line.split('\n')).map((line) => (line ? `${indent} * ${line.replace(/\*\//g, '*\\/')}` : `${indent} *`));
  return `${indent}/**\n${body.join('\n')}\n${indent} */`;
}

export function pyDocstring(lines: readonly string[], indent: string): string {
  const body = lines
    .flatMap((line) => line.split('\n'))
    .map((line) => line.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"'))
    .map((line) => (line ? `${indent}${line}` : ''));
  return `${indent}"""${body.join('\n').trimStart()}\n${indent}"""`;
}
