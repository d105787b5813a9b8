// Fixes applied to dynalite 4.0.0's own source as it is loaded (the installed files are never changed). Each patch
// names the file, the exact text it replaces and why; if dynalite changes and a text is no longer found, the engine
// refuses to start (and test/engine/dynalite-patches.test.ts fails), so a fix is never silently lost.

/** Memoizes every rule of a PEG.js 0.10 parser (packrat parsing): same results, linear instead of exponential time. */
function memoizeParser(file) {
  return {
    name: `memoize ${file}`,
    file,
    why:
      'The generated PEG.js parser backtracks without a cache, so each level of parentheses multiplies the work ' +
      '(10 nested `(a = :v AND (...))` took 29 s; 2,046 redundant parentheses never finish and pin a core). ' +
      'Caching each rule result per input position (what PEG.js does with `cache: true`) makes parsing linear.',
    find: '  peg$result = peg$startRuleFunction();',
    replace: (source) => {
      const rules = [...source.matchAll(/function (peg\$parse\w+)\(\)/g)].map((match) => match[1]);
      const count = rules.length;
      const wrap = rules.map((rule, index) => `  ${rule} = peg$memoize(${rule}, ${index});`).join('\n');
      return `  var peg$memoCache = new Map();
  function peg$memoize(rule, index) {
    return function () {
      var key = (peg$currPos * ${count} + index) * 2 + (peg$silentFails > 0 ? 1 : 0);
      var cached = peg$memoCache.get(key);
      if (cached) {
        peg$currPos = cached.nextPos;
        return cached.result;
      }
      var result = rule();
      peg$memoCache.set(key, { nextPos: peg$currPos, result: result });
      return result;
    };
  }
${wrap}
  peg$startRuleFunction = peg$memoize(peg$startRuleFunction, ${count});
  peg$result = peg$startRuleFunction();`;
    },
  };
}

export const DYNALITE_PATCHES = [
  {
    name: 'IN with a missing operand',
    file: 'db/index.js',
    why:
      'A filter or condition `i IN (j, :k)` over an item without `j` resolved `j` to undefined and ' +
      '`Object.keys(undefined)` threw inside a stream callback: the whole engine process exited. A missing operand ' +
      'matches nothing, as in DynamoDB.',
    find: `    if (!compVals.some(function (compVal) {
      compType = Object.keys(compVal)[0]`,
    replace: `    if (!compVals.some(function (compVal) {
      if (compVal == null) return false
      compType = Object.keys(compVal)[0]`,
  },
  {
    name: 'BETWEEN with a missing or differently typed upper bound',
    file: 'db/index.js',
    why:
      '`a BETWEEN :lo AND b` over an item without `b` read `undefined.N` and threw (process exit). A missing bound ' +
      'or one of another type makes the comparison false, as in DynamoDB.',
    find: `    if (!attrVal || compType != attrType ||
        (attrType == 'N' && (!new Big(attrVal).gte(compVal)`,
    replace: `    if (!attrVal || compType != attrType || compVals[1] == null || compVals[1][attrType] == null ||
        (attrType == 'N' && (!new Big(attrVal).gte(compVal)`,
  },
  {
    name: 'begins_with on missing or non-string operands',
    file: 'db/index.js',
    why:
      '`begins_with(a, b)` with both paths missing called `null.indexOf`, and with two maps `{}.indexOf`: both threw ' +
      '(process exit). begins_with is defined for strings and binaries only; anything else is false.',
    find: `  case 'begins_with':
    if (compType != attrType) return false`,
    replace: `  case 'begins_with':
    if (compType != attrType || (attrType != 'S' && attrType != 'B')) return false`,
  },
  {
    name: 'arithmetic or list_append on a missing attribute',
    file: 'actions/updateItem.js',
    why:
      '`SET a = b + :one` (or `list_append(b, :l)`) with `b` missing read `undefined.N` while holding the item lock: ' +
      'the process exited. DynamoDB answers a ValidationException naming the missing attribute.',
    find: `  if (Array.isArray(val)) {
    val = db.mapPath(val, item)
  }`,
    replace: `  if (Array.isArray(val)) {
    val = db.mapPath(val, item)
    if (val == null) return 'The provided expression refers to an attribute that does not exist in the item'
  }`,
  },
  {
    name: 'a table record that cannot be decoded',
    file: 'db/index.js',
    why:
      'getTable treated a table definition it could not decode (a damaged data folder) as "table not found" and ' +
      'deleted the record: the table and the way to its items vanished silently. The decode error now goes to the ' +
      'caller, which answers EngineDataDamaged naming the data folder (front/errors.js); nothing is deleted.',
    find: `      if (err && (err.code === 'LEVEL_DECODE_ERROR' || err.message.includes('Could not decode value'))) {
        // Data is corrupted, treat as not found and clean it up
        tableDb.del(name, function () {
          // Ignore cleanup errors
        })
        err = new Error('NotFoundError')
        err.name = 'NotFoundError'
      }`,
    replace: '',
  },
  memoizeParser('db/conditionParser.js'),
  memoizeParser('db/updateParser.js'),
  memoizeParser('db/projectionParser.js'),
];
