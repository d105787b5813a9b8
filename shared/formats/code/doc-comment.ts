/** Comment blocks for generated code, safe against text that would close them or end their line. */

/** Text for a one-line comment (`//`, `#`): line breaks and other control characters become spaces. */
export function lineComment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ');
}

export function jsDoc(lines: readonly string[], indent = ''): string {
  const body = lines
    .flatMap((line) => line.split(/\r\n|[\r\n\u2028\u2029]/))
    .map((line) => (line ? `${indent} * ${line.replace(/\*\//g, '*\\/')}` : `${indent} *`));
  return `${indent}/**\n${body.join('\n')}\n${indent} */`;
}

export function pyDocstring(lines: readonly string[], indent: string): string {
  const body = lines
    .flatMap((line) => line.split(/\r\n|[\r\n]/))
    .map((line) =>
      line
        .replace(/\\/g, '\\\\')
        .replace(/"""/g, '\\"\\"\\"')
        // Python source may not hold NUL, and other control characters are unreadable: write them as escapes.
        .replace(
          /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g,
          (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
        ),
    )
    .map((line) => (line ? `${indent}${line}` : ''));
  return `${indent}"""${body.join('\n').trimStart()}\n${indent}"""`;
}
