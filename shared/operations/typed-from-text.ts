import { MonotableError } from '../errors/monotable-error.js';
import type { AttributeTypeName, AttributeValue } from '../model/attribute-value.js';
import { checkDynamoNumber } from '../model/numbers.js';
import { isBase64 } from '../rules/sample-values.js';

/**
 * A value typed on a command line (`--pk 42`) as the typed value of an attribute of type `type`. Numbers stay
 * text (every digit kept), binary is base64 text. `where` names the flag for the error message.
 */
export function typedFromText(text: string, type: AttributeTypeName, where: string): AttributeValue {
  switch (type) {
    case 'S':
    case 'SS':
      return { S: text };
    case 'N':
    case 'NS': {
      const problem = checkDynamoNumber(text);
      if (problem)
        throw new MonotableError('BAD_INPUT', `${where}: ${problem}.`, {
          hint: 'The attribute is a number (N): pass decimal text such as 42 or -1.5.',
        });
      return { N: text };
    }
    case 'B':
    case 'BS':
      if (!isBase64(text))
        throw new MonotableError('BAD_INPUT', `${where}: "${text.slice(0, 40)}" is not base64.`, {
          hint: 'The attribute is binary (B): pass its bytes as base64, e.g. AAH/.',
        });
      return { B: text };
    case 'BOOL':
      if (text !== 'true' && text !== 'false')
        throw new MonotableError('BAD_INPUT', `${where}: "${text}" is not true or false.`, {
          hint: 'The attribute is a boolean (BOOL).',
        });
      return { BOOL: text === 'true' };
    case 'NULL':
      return { NULL: true };
    default:
      throw new MonotableError('BAD_INPUT', `${where}: a ${type} value cannot be written as one word.`, {
        hint: 'Compare with scalar attributes (S, N, B, BOOL).',
      });
  }
}
