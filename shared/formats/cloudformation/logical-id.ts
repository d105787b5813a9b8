/**
 * A CloudFormation logical id from a table name: alphanumeric only, PascalCase of the name's words
 * (`cruddur-messages` → `CruddurMessages`), `Table` in front when it would start with a digit or be empty,
 * and a number after it when two tables would get the same id.
 */
export function logicalIds(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    let id = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
    if (id === '' || /^\d/.test(id)) id = `Table${id}`;
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}${n}`;
    taken.add(unique);
    return unique;
  });
}
