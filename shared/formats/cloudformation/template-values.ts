import { formatPath } from '../../model/safe-json.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { InputReader, isObject, type JsonObject, type JsonPath } from '../input-reader.js';

export const reader: InputReader = new InputReader(
  'CloudFormation template',
  'Fix the value at this path, or write it as a literal instead of a function.',
);

/**
 * Values in a template may be intrinsic functions. A literal is used as is; `{Ref: Param}` to a parameter with a
 * literal Default uses the default (with a note); anything else is not a literal (undefined).
 */
export class TemplateValues {
  constructor(
    private readonly parameters: JsonObject,
    private readonly notes: Diagnostic[],
  ) {}

  literal(value: unknown, path: JsonPath): unknown {
    if (!isObject(value)) return value;
    const ref = value.Ref;
    if (typeof ref === 'string' && Object.keys(value).length === 1) {
      const param = this.parameters[ref];
      const fallback = isObject(param) ? param.Default : undefined;
      if (fallback !== undefined && !isObject(fallback) && !Array.isArray(fallback)) {
        this.notes.push({
          code: 'cloudformation-parameter-default',
          severity: 'info',
          path: formatPath(path),
          message: `${formatPath(path)} refers to the parameter ${ref}; its default ${JSON.stringify(fallback)} was used.`,
        });
        return fallback;
      }
    }
    return undefined;
  }

  string(value: unknown, path: JsonPath): string {
    const v = this.literal(value, path);
    if (v === undefined && isObject(value))
      reader.fail(path, 'a CloudFormation function here cannot be resolved without deploying the stack');
    return reader.string(typeof v === 'number' ? String(v) : v, path);
  }

  int(value: unknown, path: JsonPath): number {
    const v = this.literal(value, path);
    if (v === undefined && isObject(value))
      reader.fail(path, 'a CloudFormation function here cannot be resolved without deploying the stack');
    return reader.positiveInt(v, path);
  }

  /** A target utilisation in percent (1-100), or undefined when absent. */
  percent(value: unknown, path: JsonPath): number | undefined {
    if (value === undefined) return undefined;
    const v = this.literal(value, path);
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !(n >= 1 && n <= 100))
      reader.fail(path, 'expected a target utilisation between 1 and 100 (percent)');
    return n;
  }

  /** A boolean, accepting CloudFormation's "true"/"false" strings; undefined when absent or not literal. */
  bool(value: unknown, path: JsonPath): boolean | undefined {
    const v = this.literal(value, path);
    if (v === undefined) return undefined;
    if (v === true || v === 'true') return true;
    if (v === false || v === 'false') return false;
    return reader.fail(path, 'expected true or false');
  }
}
