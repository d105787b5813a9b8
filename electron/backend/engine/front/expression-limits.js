// DynamoDB's documented expression limits, checked before dynalite parses anything (dynalite checks none of them):
// each expression at most 4 KB (UTF-8 bytes), at most 300 operators or functions, an IN list of at most 100 operands.
export const MAX_EXPRESSION_BYTES = 4096;
export const MAX_OPERATORS = 300;
export const MAX_IN_OPERANDS = 100;

const EXPRESSION_KEYS = [
  'KeyConditionExpression',
  'ConditionExpression',
  'FilterExpression',
  'UpdateExpression',
  'ProjectionExpression',
];
const WORD_OPERATORS = new Set(['and', 'or', 'not', 'between', 'in']);

/** Counts operators and functions; finds the largest IN list. No string literals exist in expressions. */
function scan(expression) {
  let operators = 0;
  let largestIn = 0;
  const inLists = []; // stack of { depth, operands } for IN lists being read
  let depth = 0;
  let maxDepth = 0;
  let i = 0;
  const text = expression;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '(') {
      depth++;
      maxDepth = Math.max(maxDepth, depth);
      i++;
      continue;
    }
    if (ch === ')') {
      const open = inLists.at(-1);
      if (open && open.depth === depth) {
        largestIn = Math.max(largestIn, open.operands);
        inLists.pop();
      }
      depth--;
      i++;
      continue;
    }
    if (ch === ',') {
      const open = inLists.at(-1);
      if (open && open.depth === depth) open.operands++;
      i++;
      continue;
    }
    if (ch === '<' || ch === '>') {
      operators++;
      i += text[i + 1] === '=' || (ch === '<' && text[i + 1] === '>') ? 2 : 1;
      continue;
    }
    if (ch === '=' || ch === '+' || ch === '-') {
      operators++;
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
      const before = text[start - 1];
      if (before === '#' || before === ':' || before === '.') continue;
      const word = text.slice(start, i);
      let next = i;
      while (next < text.length && /\s/.test(text[next])) next++;
      if (text[next] === '(' && !WORD_OPERATORS.has(word.toLowerCase())) operators++;
      else if (WORD_OPERATORS.has(word.toLowerCase())) {
        operators++;
        if (word.toLowerCase() === 'in' && text[next] === '(') inLists.push({ depth: depth + 1, operands: 1 });
      }
      continue;
    }
    i++;
  }
  return { operators, largestIn, maxDepth };
}

/** The ValidationException message for the first expression over a limit, or undefined. */
export function expressionLimitError(request) {
  if (!request || typeof request !== 'object') return undefined;
  for (const key of EXPRESSION_KEYS) {
    const expression = request[key];
    if (typeof expression !== 'string') continue;
    const bytes = Buffer.byteLength(expression, 'utf8');
    if (bytes > MAX_EXPRESSION_BYTES) {
      return `Invalid ${key}: Expression size has exceeded the maximum allowed size; expression size: ${bytes}`;
    }
    const { operators, largestIn, maxDepth } = scan(expression);
    if (operators > MAX_OPERATORS) {
      return `Invalid ${key}: The expression contains too many operators; operator count: ${operators}`;
    }
    if (largestIn > MAX_IN_OPERANDS) {
      return `Invalid ${key}: The IN operator is provided with too many operands; number of operands: ${largestIn}`;
    }
    // Every level of parentheses that is not redundant needs an operator or function of its own, so nesting deeper
    // than the operator limit has redundant parentheses (which DynamoDB refuses); refused here before dynalite's
    // recursive parser could run out of stack on it.
    if (maxDepth > MAX_OPERATORS) return `Invalid ${key}: The expression has redundant parentheses;`;
  }
  return undefined;
}

/** Every expression-bearing part of a request (transactions and batch gets carry them per item or per table). */
export function requestLimitError(operation, data) {
  if (!data || typeof data !== 'object') return undefined;
  const parts = [data];
  if (Array.isArray(data.TransactItems)) {
    for (const item of data.TransactItems) {
      if (item && typeof item === 'object') parts.push(...Object.values(item));
    }
  }
  if (operation === 'BatchGetItem' && data.RequestItems && typeof data.RequestItems === 'object') {
    parts.push(...Object.values(data.RequestItems));
  }
  for (const part of parts) {
    const message = expressionLimitError(part);
    if (message) return message;
  }
  return undefined;
}
