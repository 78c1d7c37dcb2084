// Where a JSON text first breaks the syntax, as line, column and what was expected (JSON.parse's own messages vary by engine).

/**
 * Finds the first JSON syntax error and says what was expected there. JSON.parse's own messages differ
 * between V8 versions (some carry no position), so the file's line and column are worked out here.
 * Iterative, so a deeply nested damaged file cannot overflow the stack.
 */
export function locateJsonError(text: string): { line: number; column: number; problem: string } | null {
  type Ctx = 'object' | 'array';
  const stack: Ctx[] = [];
  let i = 0;
  const at = (problem: string) => ({ ...lineColumn(text, i), problem });
  const skipWs = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const eof = () => at('the file ends too early (it may be truncated)');

  // Scans one string starting at the opening quote; returns an error or null.
  const scanString = () => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return at('a line break or control character inside a string (escape it, e.g. \\n)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return at('a \\u escape needs four hex digits');
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return at(`"\\${e}" is not a valid escape in a string`);
      } else i++;
    }
    return eof();
  };

  const scanValue = () => {
    const c = text[i];
    if (c === undefined) return eof();
    if (c === '"') return scanString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) return at(`expected a value but found ${JSON.stringify(c)}`);
    i += literal[0].length;
    return null;
  };

  // After a value: decide what closes or continues the enclosing container.
  let expectValue = true;
  for (;;) {
    skipWs();
    if (expectValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c === '{' ? 'object' : 'array');
        i++;
        skipWs();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (c === '{') {
          const err = scanKey();
          if (err) return err;
        }
        continue;
      }
      const err = scanValue();
      if (err) return err;
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? at('unexpected text after the end of the document') : null;
    const c = text[i];
    if (c === undefined) return eof();
    const close = top === 'object' ? '}' : ']';
    if (c === close) {
      stack.pop();
      i++;
      continue;
    }
    if (c !== ',') {
      return at(top === 'object' ? "expected ',' or '}' after a property value" : "expected ',' or ']' after a list item");
    }
    i++;
    skipWs();
    if (top === 'object') {
      const err = scanKey();
      if (err) return err;
    } else if (text[i] === ']') return at("a ',' before ']' (trailing commas are not allowed)");
    expectValue = true;
  }

  // Scans `"key" :` inside an object and leaves i at the value.
  function scanKey() {
    skipWs();
    if (text[i] === undefined) return eof();
    if (text[i] === '}') return at("a ',' before '}' (trailing commas are not allowed)");
    if (text[i] !== '"') return at('expected a property name in double quotes');
    const err = scanString();
    if (err) return err;
    skipWs();
    if (text[i] === undefined) return eof();
    if (text[i] !== ':') return at("expected ':' after a property name");
    i++;
    expectValue = true;
    return null;
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
