// Where top-level statements begin, read from a JS/TS file's text without parsing it: lines at
// bracket depth 0, outside strings, templates, comments, regular expressions and JSX, that open with
// a word only a new statement can open with (`export`, `import …`, `const`, `function` after a
// finished statement...). Cheap enough to run on thousands of importers, so that only their
// statements that matter are parsed (skeleton.ts). It gives up (null) wherever the text could be
// read two ways (a `/` that may start a regular expression or divide, a tag that may be a type's),
// and the file is then parsed whole; so it does where a skeleton made from it does not parse.

/**
 * Words that open a declaration. At the start of a line at depth 0, after a finished statement or
 * expression (not after `)`: `for (…)` may take the next line as its body; not after an operator or
 * keyword), each begins a new statement.
 */
const DECLARATIONS = new Set(['export', 'import', 'const', 'var', 'let', 'function', 'class', 'async', 'enum', 'interface', 'declare', 'abstract', 'type', 'namespace']);
/** Words that may follow decorators in the same statement. */
const DECORATED = new Set(['@', 'export', 'default', 'declare', 'abstract', 'class']);
/** After these words an expression (so a regular expression or JSX) may follow. */
const EXPRESSION_KEYWORDS = [
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else',
  'yield', 'await', 'extends', 'export', 'default', 'import', 'from',
];
/** The same, by first letter (a-z): looked up in place, since most words are names and slicing each costs. */
const EXPRESSION_KEYWORDS_BY_LETTER: ReadonlyArray<readonly string[]> = Array.from({ length: 26 }, (_, k) =>
  EXPRESSION_KEYWORDS.filter((word) => word.charCodeAt(0) === 97 + k),
);

/** Whether the `length` characters at `start`, a word starting with a-z, are one of EXPRESSION_KEYWORDS. */
function isExpressionKeyword(text: string, start: number, length: number): boolean {
  for (const keyword of EXPRESSION_KEYWORDS_BY_LETTER[text.charCodeAt(start) - 97]) {
    if (keyword.length === length && text.startsWith(keyword, start)) return true;
  }
  return false;
}

/**
 * What the previous token leaves: 'operator' (an expression may follow), 'operand' (an expression
 * ended), 'paren' (`)`, `++`, postfix `!`: either may follow), 'brace' (`}`), 'end' (`;`).
 */
type Last = 'start' | 'operand' | 'operator' | 'paren' | 'brace' | 'end';

// Markers on the bracket stack besides the brackets' own character codes.
const TEMPLATE = -1;
const JSX_OPEN_TAG = -2;
const JSX_CLOSE_TAG = -3;
const JSX_CHILDREN = -4;
const JSX_EXPRESSION = -5;

export interface TopLevelLine {
  /** Offset of the line's first character. */
  start: number;
  /** The word that opens it. */
  word: string;
}

export interface TopLevelReading {
  /** The lines where a top-level statement certainly begins, in order. */
  lines: TopLevelLine[];
  /**
   * Offsets of what may separate statements or declarators at depth 0 between those lines: `,`,
   * `;`, and the first token of any other line. A run of text without them (but a final `;`) holds
   * one statement.
   */
  marks: number[];
  /** The comments, [start, end) in order. */
  comments: Array<[number, number]>;
}

/**
 * Reads where top-level statements begin, or null when the text cannot be read for certain.
 * `jsx`: the file's parser reads JSX.
 */
export function topLevelLines(text: string, jsx: boolean): TopLevelReading | null {
  if (text.includes('<!--') || text.includes('-->')) return null;
  const lines: TopLevelLine[] = [];
  const marks: number[] = [];
  const comments: Array<[number, number]> = [];
  const stack: number[] = [];
  const n = text.length;
  let i = text.startsWith('#!') ? lineEnd(text, 0) : 0;
  let last = 'start' as Last;
  let lineStart = true as boolean;
  let lineOffset = 0;

  /** Scans a template's characters from `i` (after a backtick or the `}` of a substitution). */
  const scanTemplate = (): boolean => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        i += 2;
      } else if (c === 96) {
        i++;
        last = 'operand';
        return true;
      } else if (c === 36 && text.charCodeAt(i + 1) === 123) {
        i += 2;
        stack.push(TEMPLATE);
        last = 'operator';
        return true;
      } else {
        i++;
      }
    }
    return false;
  };

  /** After a JSX element closes: its parent's children go on, or the expression it was ends. */
  const closeElement = (): boolean => {
    if (stack.pop() !== JSX_CHILDREN) return false;
    if (stack[stack.length - 1] !== JSX_CHILDREN) last = 'operand';
    return true;
  };

  /** One step inside a JSX tag or children (the top of the stack says which). False: give up. */
  const jsxStep = (mode: number): boolean => {
    const c = text.charCodeAt(i);
    if (mode === JSX_CHILDREN) {
      if (c === 123) {
        i++;
        stack.push(JSX_EXPRESSION);
        last = 'operator';
      } else if (c === 60) {
        i++;
        const closing = nextNonSpace(text, i) === '/';
        if (closing) i = text.indexOf('/', i) + 1;
        stack.push(closing ? JSX_CLOSE_TAG : JSX_OPEN_TAG);
      } else {
        i++;
      }
      return true;
    }
    // Inside a tag: names, attributes, strings (no escapes in JSX), `{…}`, `/>` or `>`.
    if (c === 62) {
      i++;
      stack.pop();
      if (mode === JSX_CLOSE_TAG) return closeElement();
      stack.push(JSX_CHILDREN);
      return true;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 62 && mode === JSX_OPEN_TAG) {
      i += 2;
      stack.pop();
      stack.push(JSX_CHILDREN);
      return closeElement();
    }
    if (c === 39 || c === 34) {
      const end = text.indexOf(String.fromCharCode(c), i + 1);
      if (end === -1) return false;
      i = end + 1;
      return true;
    }
    if (c === 123) {
      i++;
      stack.push(JSX_EXPRESSION);
      last = 'operator';
      return true;
    }
    if (c === 60) {
      // An element as an attribute value.
      i++;
      stack.push(JSX_OPEN_TAG);
      return true;
    }
    if (isWordChar(c) || c === 45 || c === 58 || c === 46 || c === 61 || isSpace(c) || isLineBreak(c)) {
      i++;
      return true;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) return false;
    return false;
  };

  while (i < n) {
    const mode = stack.length > 0 ? stack[stack.length - 1] : 0;
    if (mode === JSX_OPEN_TAG || mode === JSX_CLOSE_TAG || mode === JSX_CHILDREN) {
      if (!jsxStep(mode)) return null;
      continue;
    }
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      i++;
      lineStart = true;
      lineOffset = i;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    const atLineStart: boolean = lineStart;
    lineStart = false;
    // Comments.
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = lineEnd(text, i);
      comments.push([i, end]);
      i = end;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return null;
      // A token after a one-line comment that opens the line still opens it; after one that
      // spans lines it does not (a cut at its line would fall inside the comment).
      lineStart = atLineStart && !/[\n\r\u2028\u2029]/.test(text.slice(i, end));
      comments.push([i, end + 2]);
      i = end + 2;
      continue;
    }
    const depth0 = stack.length === 0;
    if (atLineStart && depth0 && !isWordStart(c)) marks.push(i);
    // Strings and templates.
    if (c === 39 || c === 34) {
      i++;
      while (i < n && text.charCodeAt(i) !== c) {
        const d = text.charCodeAt(i);
        if (d === 10 || d === 13) return null;
        i += d === 92 ? 2 : 1;
      }
      if (i >= n) return null;
      i++;
      last = 'operand';
      continue;
    }
    if (c === 96) {
      i++;
      if (!scanTemplate()) return null;
      continue;
    }
    // A regular expression, or a division.
    if (c === 47) {
      if (last === 'operand' || ((last === 'paren' || last === 'brace') && !lineRest(text, i + 1).includes('/'))) {
        i++;
        last = 'operator';
        continue;
      }
      if (last === 'paren' || last === 'brace') return null;
      i = regexEnd(text, i + 1);
      if (i === -1) return null;
      last = 'operand';
      continue;
    }
    // Words and numbers.
    if (isWordStart(c)) {
      const start = i;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      // Most words are names: only short lower-case ones may be keywords (sliced only where a statement may begin).
      const keywordLike = i - start <= 10 && c >= 97 && c <= 122;
      if (atLineStart && depth0) {
        const word = keywordLike ? text.slice(start, i) : '';
        if (beginsStatement(text, i, word, last)) lines.push({ start: lineOffset, word });
        else marks.push(start);
      }
      last = keywordLike && isExpressionKeyword(text, start, i - start) ? 'operator' : 'operand';
      continue;
    }
    if (c >= 48 && c <= 57) {
      while (i < n && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
      last = 'operand';
      continue;
    }
    if (c > 127) return null;
    // Punctuators.
    if (depth0 && !atLineStart && (c === 44 || c === 59)) marks.push(i);
    i++;
    switch (c) {
      case 40: // (
      case 91: // [
      case 123: // {
        stack.push(c);
        last = 'operator';
        break;
      case 41: // )
      case 93: // ]
        if (stack.pop() !== (c === 41 ? 40 : 91)) return null;
        last = c === 41 ? 'paren' : 'operand';
        break;
      case 125: {
        // }
        const open = stack.pop();
        if (open === TEMPLATE) {
          if (!scanTemplate()) return null;
        } else if (open === JSX_EXPRESSION) {
          last = 'operator';
        } else if (open === 123) {
          last = 'brace';
        } else {
          return null;
        }
        break;
      }
      case 59: // ;
        last = 'end';
        break;
      case 43: // + (`++` after an operand is postfix)
      case 45: // -
        if (text.charCodeAt(i) === c) {
          i++;
          last = last === 'operand' || last === 'paren' ? 'paren' : 'operator';
        } else {
          last = 'operator';
        }
        break;
      case 33: // ! (TypeScript's postfix non-null after an operand)
        last = (last === 'operand' || last === 'paren') && text.charCodeAt(i) !== 61 ? 'paren' : 'operator';
        break;
      case 60: // <
        if (jsx && last !== 'operand' && last !== 'paren') {
          const closing = nextNonSpace(text, i) === '/';
          if (closing) return null;
          stack.push(JSX_OPEN_TAG);
        }
        last = 'operator';
        break;
      case 35: // # (a private name)
        last = 'operand';
        break;
      case 64: // @ (a decorator: the statement begins at it)
        if (atLineStart && depth0 && finished(last)) lines.push({ start: lineOffset, word: '@' });
        last = 'operator';
        break;
      default:
        last = 'operator';
    }
  }
  if (stack.length > 0) return null;
  return { lines: dropDecorated(lines), marks, comments };
}

/** After a finished statement, or a finished expression (ASI ends it at the line break). */
function finished(last: Last): boolean {
  return last === 'start' || last === 'end' || last === 'brace' || last === 'operand';
}

/** Whether `word`, opening a line at depth 0, begins a new statement there. */
function beginsStatement(text: string, after: number, word: string, last: Last): boolean {
  if (!DECLARATIONS.has(word) || !finished(last)) return false;
  const next = nextNonSpace(text, after);
  switch (word) {
    case 'import':
      return next !== '(' && next !== '.';
    case 'async':
      return /^[ \t]+function\b/.test(text.slice(after, after + 20));
    case 'let':
      return /[\p{L}_$[{]/u.test(next);
    case 'function':
    case 'class':
    case 'export':
    case 'const':
    case 'var':
    case 'enum':
      return true;
    default:
      // TypeScript's contextual words (`type`, `declare`...) are names elsewhere: a name must follow.
      return /[\p{L}_$]/u.test(next);
  }
}

/** Decorators and the declaration they decorate are one statement: it begins at the first decorator. */
function dropDecorated(lines: TopLevelLine[]): TopLevelLine[] {
  const out: TopLevelLine[] = [];
  let decorating = false;
  for (const line of lines) {
    if (decorating && DECORATED.has(line.word)) {
      // More decorators, or the declaration they decorate (after which statements begin again).
      decorating = line.word === '@';
      continue;
    }
    decorating = line.word === '@';
    out.push(line);
  }
  return out;
}

/** The offset after a regular expression's flags, from after its opening `/`; -1 if it does not end on its line. */
function regexEnd(text: string, from: number): number {
  let i = from;
  let inClass = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return -1;
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) break;
    i++;
  }
  if (i >= text.length) return -1;
  i++;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return i;
}

function nextNonSpace(text: string, from: number): string {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch !== ' ' && ch !== '\t') return ch;
  }
  return '';
}

function lineEnd(text: string, from: number): number {
  const eol = text.indexOf('\n', from);
  return eol === -1 ? text.length : eol;
}

function lineRest(text: string, from: number): string {
  return text.slice(from, lineEnd(text, from));
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c === 92;
}

function isWordChar(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}
