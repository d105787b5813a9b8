/**
 * DynamoDB numbers: decimal text with up to 38 significant digits, magnitude 1E-130 … 9.99…E+125 (or zero).
 * The syntax is the one DynamoDB (and dynalite, via big.js) accepts: `-12`, `1.5`, `.5`, `5.`, `1e10`, `-2.5E-3`.
 */
const NUMBER_SYNTAX = /^(-?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;

export const MAX_SIGNIFICANT_DIGITS = 38;

export interface DynamoNumber {
  negative: boolean;
  /** Significant digits with leading and trailing zeros removed; '0' for zero. */
  digits: string;
  /** Decimal exponent of the first digit: value = d.ddd × 10^exponent (0 for zero). */
  exponent: number;
}

/** Parses number text into sign, significant digits and exponent, or undefined when it is not a number. */
export function parseDynamoNumber(text: string): DynamoNumber | undefined {
  const m = NUMBER_SYNTAX.exec(text);
  if (!m) return undefined;
  const mantissa = m[2]!;
  const dot = mantissa.indexOf('.');
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const all = intPart + (dot < 0 ? '' : mantissa.slice(dot + 1));
  let start = 0;
  while (start < all.length && all[start] === '0') start++;
  if (start === all.length) return { negative: false, digits: '0', exponent: 0 };
  let end = all.length;
  while (all[end - 1] === '0') end--;
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  return { negative: m[1] === '-', digits: all.slice(start, end), exponent: intPart.length - 1 - start + exp };
}

/** What is wrong with this number text for DynamoDB, or undefined when DynamoDB accepts it. */
export function checkDynamoNumber(text: string): string | undefined {
  if (text === '') return 'an empty string is not a number';
  const n = parseDynamoNumber(text);
  if (!n) {
    if (/^[+-]?(nan|infinity|inf)$/i.test(text.trim()))
      return `"${text}" is not allowed: DynamoDB numbers cannot be NaN or Infinity`;
    return `"${text}" is not a number (expected decimal text such as 42, -1.5 or 6.02E23)`;
  }
  if (n.digits.length > MAX_SIGNIFICANT_DIGITS) {
    return `${n.digits.length} significant digits; DynamoDB stores at most ${MAX_SIGNIFICANT_DIGITS}`;
  }
  if (n.exponent > 125) return `magnitude too large (10^${n.exponent}); the largest is 9.99…E+125`;
  if (n.exponent < -130) return `magnitude too small (10^${n.exponent}); the smallest non-zero magnitude is 1E-130`;
  return undefined;
}
