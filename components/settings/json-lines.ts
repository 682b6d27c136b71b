/**
 * A small JSON reader that remembers where each value sits, so a schema
 * problem at `rules[2].citations` can be shown at its line in the editor.
 * It accepts exactly JSON (RFC 8259); errors carry a line and column.
 */
export type JsonPath = readonly (string | number)[];

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export interface LocatedJson {
  value: unknown;
  /** The line (1-based) of a path: an object member's key, or an array element's first character. */
  lineOf(path: readonly PropertyKey[]): number;
}

const key = (path: readonly PropertyKey[]) => JSON.stringify(path.map((p) => (typeof p === 'number' ? p : String(p))));

// eslint-disable-next-line max-lines-per-function -- One recursive-descent parser whose value, string and position helpers share the cursor.
export function parseJsonWithLines(text: string): LocatedJson {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const lines = new Map<string, number>();

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, line, i - lineStart + 1);
  };
  const space = () => {
    for (;;) {
      const c = text[i];
      if (c === '\n') {
        line++;
        i++;
        lineStart = i;
      } else if (c === ' ' || c === '\t' || c === '\r') i++;
      else return;
    }
  };
  const expect = (c: string) => {
    if (text[i] !== c)
      fail(i >= text.length ? `expected "${c}" but the text ended` : `expected "${c}" but found "${text[i]}"`);
    i++;
  };
  const string = (): string => {
    expect('"');
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail('line break inside a string');
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('invalid escape in a string');
        continue;
      }
      if (c < ' ') fail('control character inside a string');
      out += c;
      i++;
    }
  };
  const number = (): number => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`unexpected "${text[i]}"`);
    i += m![0].length;
    return Number(m![0]);
  };
  const value = (path: (string | number)[]): unknown => {
    space();
    if (!lines.has(key(path))) lines.set(key(path), line);
    const c = text[i];
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      space();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        space();
        const memberLine = line;
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : 'expected a quoted property name');
        const name = string();
        lines.set(key([...path, name]), memberLine);
        space();
        expect(':');
        out[name] = value([...path, name]);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return out;
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        space();
        if (text[i] === ']') fail('trailing comma before "]"');
        out.push(value([...path, out.length]));
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return out;
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) return ((i += 4), true);
    if (text.startsWith('false', i)) return ((i += 5), false);
    if (text.startsWith('null', i)) return ((i += 4), null);
    if (c === undefined) return fail('the text ended where a value was expected');
    return number();
  };

  const result = value([]);
  space();
  if (i < text.length) fail(`unexpected "${text[i]}" after the end of the value`);
  return {
    value: result,
    lineOf(path) {
      // The deepest part of the path that exists (a missing member is reported at its parent).
      for (let n = path.length; n >= 0; n--) {
        const found = lines.get(key(path.slice(0, n)));
        if (found !== undefined) return found;
      }
      return 1;
    },
  };
}

/** `["rules", 0, "citations"]` → `rules[0].citations`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n ? '.' : ''}${String(p)}`)).join('') || '(root)';
}
