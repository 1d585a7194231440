// What a rewrite wants done, said in terms of the code (this literal, that object), and turned into
// text edits only at the end, once every piece has said its part: two calls that share a base URL
// ask for the same literal edit, and two pieces that add headers to one object are merged.
import { getPropertyNode, isStringLiteral, propertyKeyName, unwrap, type AstNode } from '../../src/analyze/ast.ts';
import { propertyKey, sourceText, type RewriteContext } from './context.ts';
import { EditConflict, indentOf, lineEndOf, lineStartOf, skipTrivia, startsLine, type TextEdit } from './text.ts';

/** Replacement text: plain text, or an expression to place in a template literal. */
export type Piece = { text: string } | { expr: string };

export type Op =
  /** Replace characters [start, end) of a string literal's or template element's value. */
  | { kind: 'literal'; literal: AstNode; start: number; end: number; pieces: Piece[] }
  /** Replace a source range; `node` is the node it changes (for checking who else uses it). */
  | { kind: 'replace'; start: number; end: number; text: string; node?: AstNode }
  /** An options object: put these headers into its `headers`, and drop these (auth) properties. */
  | { kind: 'headers'; object: AstNode; add: Array<[string, string]>; remove: AstNode[] }
  | { kind: 'add-properties'; object: AstNode; props: Array<[string, string]> }
  | { kind: 'remove-properties'; object: AstNode; props: AstNode[] }
  /**
   * A declaration that is no longer used: a variable declarator, a function declaration, or the part
   * of an import that binds the name (an import specifier, a property of `const {…} = require(…)`).
   */
  | { kind: 'remove-declaration'; node: AstNode };

/** What two ops must share to be part of one change (so they are applied together or not at all). */
export function anchorsOf(op: Op, rc: RewriteContext): unknown[] {
  switch (op.kind) {
    case 'literal':
      return [op.literal.type === 'TemplateElement' ? rc.parentOf(op.literal) ?? op.literal : op.literal];
    case 'replace':
      return [`${op.start!}:${op.end!}`];
    case 'headers': {
      const target = op.add.length > 0 ? headersTarget(op.object, rc) : null;
      return target ? [op.object, target] : [op.object];
    }
    case 'add-properties':
    case 'remove-properties':
      return [op.object];
    case 'remove-declaration':
      return [op.node];
  }
}

/**
 * The object literal an options object's `headers` names (`{ headers: COMMON }` → COMMON's literal),
 * which is where a `headers` op adds its headers; null when there is none to add to.
 */
export function headersTarget(object: AstNode, rc: RewriteContext): AstNode | null {
  const headersProp = getPropertyNode(object, 'headers');
  if (!headersProp) return null;
  const value = unwrap(headersProp.shorthand ? headersProp.value ?? headersProp.key : headersProp.value);
  return value ? rc.evaluator.resolveObject(value)?.node ?? null : null;
}

export function renderTemplatePieces(pieces: Piece[]): string {
  return pieces.map((p) => ('expr' in p ? '${' + p.expr + '}' : escapeTemplate(p.text))).join('');
}

function escapeTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function escapeQuoted(text: string, quote: string): string {
  return text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
}

/** Turns ops into text edits; throws EditConflict when two ops want different things in one place. */
export function materialize(ops: Op[], rc: RewriteContext): TextEdit[] {
  const edits: TextEdit[] = [];
  const literalOps = new Map<AstNode, Array<Extract<Op, { kind: 'literal' }>>>();
  const objects = new Map<AstNode, { add: Array<[string, string]>; remove: AstNode[] }>();
  const headerOps = new Map<AstNode, { add: Array<[string, string]>; remove: AstNode[] }>();
  const declarations = new Set<AstNode>();

  const objectEntry = (map: typeof objects, object: AstNode) => {
    let entry = map.get(object);
    if (!entry) map.set(object, (entry = { add: [], remove: [] }));
    return entry;
  };

  for (const op of ops) {
    switch (op.kind) {
      case 'literal': {
        const list = literalOps.get(op.literal) ?? [];
        list.push(op);
        literalOps.set(op.literal, list);
        break;
      }
      case 'replace':
        edits.push({ start: op.start!, end: op.end!, text: op.text });
        break;
      case 'headers': {
        const entry = objectEntry(headerOps, op.object);
        mergeProps(entry.add, op.add);
        for (const p of op.remove) if (!entry.remove.includes(p)) entry.remove.push(p);
        break;
      }
      case 'add-properties':
        mergeProps(objectEntry(objects, op.object).add, op.props);
        break;
      case 'remove-properties': {
        const entry = objectEntry(objects, op.object);
        for (const p of op.props) if (!entry.remove.includes(p)) entry.remove.push(p);
        break;
      }
      case 'remove-declaration':
        declarations.add(op.node);
        break;
    }
  }

  for (const [literal, list] of literalOps) edits.push(...literalEdits(literal, list, rc));
  for (const [object, entry] of headerOps) edits.push(...headerEdits(object, entry, objects, rc));
  for (const [object, entry] of objects) edits.push(...objectEdits(object, entry.add, entry.remove, rc));
  edits.push(...declarationEdits(declarations, rc));
  return edits;
}

function mergeProps(into: Array<[string, string]>, props: Array<[string, string]>): void {
  for (const [key, value] of props) {
    const existing = into.find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (!existing) into.push([key, value]);
    else if (existing[1] !== value) throw new EditConflict(`Two changes set the header ${key} differently.`);
  }
}

function literalEdits(literal: AstNode, ops: Array<Extract<Op, { kind: 'literal' }>>, rc: RewriteContext): TextEdit[] {
  const unique = new Map<string, Extract<Op, { kind: 'literal' }>>();
  for (const op of ops) unique.set(`${op.start!}:${op.end!}:${JSON.stringify(op.pieces)}`, op);
  const sorted = [...unique.values()].sort((a, b) => b.start! - a.start!);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].end! > sorted[i - 1].start!) throw new EditConflict('Two changes edit the same part of a URL differently.');
  }
  const start = literal.start!;
  const end = literal.end!;
  const raw = rc.source.slice(start, end);

  if (literal.type === 'TemplateElement') {
    if (raw !== (literal.value?.cooked ?? raw)) throw new EditConflict('A template part with escapes is left for a person to change.');
    return sorted.map((op) => ({ start: start + op.start!, end: start + op.end!, text: renderTemplatePieces(op.pieces) }));
  }
  if (!isStringLiteral(literal)) throw new EditConflict('Only string literals and template parts can be edited.');
  const quote = raw[0];
  const content = raw.slice(1, -1);
  if (content !== literal.value) throw new EditConflict('A string with escapes is left for a person to change.');
  // Apply back to front on the value, keeping pieces so an expression can make it a template.
  let pieces: Piece[] = [{ text: content }];
  for (const op of sorted) pieces = splicePieces(pieces, op.start!, op.end!, op.pieces);
  const merged = mergeText(pieces);
  if (merged.every((p) => 'text' in p)) {
    const text = merged.map((p) => (p as { text: string }).text).join('');
    if (text === '') {
      const dropped = dropEmptyOperand(literal, rc);
      if (dropped) return [dropped];
    }
    return [{ start, end, text: quote + escapeQuoted(text, quote) + quote }];
  }
  return [{ start, end, text: '`' + renderTemplatePieces(merged) + '`' }];
}

/**
 * Replaces characters [from, to) of the text pieces (expressions count as no characters). Edits run
 * back to front, so the range always lies in text before any piece an earlier edit inserted.
 */
function splicePieces(pieces: Piece[], from: number, to: number, insert: Piece[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  let done = false;
  for (const piece of pieces) {
    if (done || 'expr' in piece) {
      out.push(piece);
      continue;
    }
    const start = at;
    const end = at + piece.text.length;
    at = end;
    if (to > end) {
      if (from < end) throw new EditConflict('A URL edit spans an inserted expression.');
      out.push(piece);
      continue;
    }
    if (from < start) throw new EditConflict('A URL edit spans an inserted expression.');
    out.push({ text: piece.text.slice(0, from - start) }, ...insert, { text: piece.text.slice(to - start) });
    done = true;
  }
  if (!done) throw new EditConflict('A URL edit falls outside its string.');
  return out;
}

function mergeText(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if ('text' in piece && last && 'text' in last) out[out.length - 1] = { text: last.text + piece.text };
    else if (!('text' in piece) || piece.text !== '') out.push(piece);
  }
  return out;
}

/**
 * `url + '.json'` whose literal is now empty: the `+ ''` goes too, when the other side is a string
 * anyway (it holds a string literal or template), so the value does not change type.
 */
function dropEmptyOperand(literal: AstNode, rc: RewriteContext): TextEdit | null {
  const parent = rc.parentOf(literal);
  if (!parent || parent.type !== 'BinaryExpression' || parent.operator !== '+') return null;
  const other = parent.left === literal ? parent.right : parent.left;
  if (!containsString(other)) return null;
  return parent.right === literal ? { start: other.end!, end: literal.end!, text: '' } : { start: literal.start!, end: other.start!, text: '' };
}

function containsString(node: AstNode): boolean {
  if (isStringLiteral(node) || node.type === 'TemplateLiteral') return true;
  return node.type === 'BinaryExpression' && node.operator === '+' && (containsString(node.left) || containsString(node.right));
}

/**
 * An options object gets its headers: into the object its `headers` names when that is an object
 * literal in this file, around an expression we cannot see into, or as a new `headers` property that
 * takes the place of the first auth property removed (the smallest diff).
 */
function headerEdits(
  object: AstNode,
  entry: { add: Array<[string, string]>; remove: AstNode[] },
  objects: Map<AstNode, { add: Array<[string, string]>; remove: AstNode[] }>,
  rc: RewriteContext,
): TextEdit[] {
  const pending = (target: AstNode) => {
    let e = objects.get(target);
    if (!e) objects.set(target, (e = { add: [], remove: [] }));
    return e;
  };
  const headersProp = getPropertyNode(object, 'headers');
  if (entry.add.length === 0) {
    for (const p of entry.remove) if (!pending(object).remove.includes(p)) pending(object).remove.push(p);
    return [];
  }
  if (headersProp) {
    for (const p of entry.remove) if (!pending(object).remove.includes(p)) pending(object).remove.push(p);
    const value = unwrap(headersProp.shorthand ? headersProp.value ?? headersProp.key : headersProp.value);
    const resolved = headersTarget(object, rc);
    if (resolved) {
      mergeProps(pending(resolved).add, entry.add);
      return [];
    }
    if (!value) throw new EditConflict('The headers option has no value to add to.');
    const spread = `{ ...${sourceText(rc, value)}, ${entry.add.map(([k, v]) => `${propertyKey(rc, k)}: ${v}`).join(', ')} }`;
    const text = headersProp.shorthand ? `headers: ${spread}` : spread;
    const node = headersProp.shorthand ? headersProp : value;
    return [{ start: node.start!, end: node.end!, text }];
  }
  const headersText = `headers: { ${entry.add.map(([k, v]) => `${propertyKey(rc, k)}: ${v}`).join(', ')} }`;
  const [first, ...rest] = [...entry.remove].sort((a, b) => a.start! - b.start!);
  for (const p of rest) if (!pending(object).remove.includes(p)) pending(object).remove.push(p);
  if (first) return [{ start: first.start!, end: first.end!, text: headersText }];
  mergeProps(pending(object).add, [['headers', `{ ${entry.add.map(([k, v]) => `${propertyKey(rc, k)}: ${v}`).join(', ')} }`]]);
  return [];
}

/** Adds and removes properties of one object literal, keeping its layout (one per line or inline). */
function objectEdits(object: AstNode, add: Array<[string, string]>, remove: AstNode[], rc: RewriteContext): TextEdit[] {
  const { source } = rc;
  const props: AstNode[] = object.properties;
  const existing = new Set(props.filter((p) => !remove.includes(p)).map((p) => (propertyKeyName(p) ?? '').toLowerCase()));
  const adding = add.filter(([k]) => !existing.has(k.toLowerCase()));
  const kept = props.filter((p) => !remove.includes(p));
  const edits: TextEdit[] = [];

  if (kept.length === 0 && adding.length === 0 && remove.length > 0) {
    return [{ start: object.start!, end: object.end!, text: '{}' }];
  }

  // Removals, in runs of neighbouring properties.
  let i = 0;
  while (i < props.length) {
    if (!remove.includes(props[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < props.length && remove.includes(props[j + 1])) j++;
    const first = props[i];
    const last = props[j];
    const next = props[j + 1] ?? null;
    const previous = i > 0 ? props[i - 1] : null;
    const afterLast = skipTrivia(source, last.end!);
    const endOfLastLine = lineEndOf(source, last.end!);
    const ownLines = startsLine(source, first.start!) && /^\s*,?[ \t]*(\/\/[^\n]*)?\r?\n/.test(source.slice(last.end!, endOfLastLine)) && (!next || next.start! >= endOfLastLine);
    if (ownLines) {
      edits.push({ start: lineStartOf(source, first.start!), end: endOfLastLine, text: '' });
    } else if (next) {
      edits.push({ start: first.start!, end: next.start!, text: '' });
    } else if (previous) {
      // Last in the object: take the comma before it; a trailing comma after it stays.
      edits.push({ start: previous.end!, end: last.end!, text: '' });
    } else {
      edits.push({ start: first.start!, end: source[afterLast] === ',' ? afterLast + 1 : last.end!, text: '' });
    }
    i = j + 1;
  }

  if (adding.length > 0) {
    const rendered = adding.map(([k, v]) => `${propertyKey(rc, k)}: ${v}`);
    const anchor = kept[kept.length - 1];
    // Nothing left to add after: the object is written anew.
    if (!anchor) return [{ start: object.start!, end: object.end!, text: `{ ${rendered.join(', ')} }` }];
    const multiline = startsLine(source, anchor.start!) && lineStartOf(source, anchor.start!) > (object.start!);
    if (multiline) {
      const indent = indentOf(source, anchor.start!);
      edits.push({ start: anchor.end!, end: anchor.end!, text: rendered.map((r) => `,\n${indent}${r}`).join('') });
    } else {
      edits.push({ start: anchor.end!, end: anchor.end!, text: rendered.map((r) => `, ${r}`).join('') });
    }
  }
  return edits;
}

/** Removes a declaration with its line(s) when it stands alone; a declarator among others with its comma. */
/**
 * Parts of an import list (specifiers, destructured properties) go together: the whole import when
 * none is left, else each run of removed parts with the comma that joins it to a kept one.
 */
function declarationEdits(nodes: ReadonlySet<AstNode>, rc: RewriteContext): TextEdit[] {
  const edits: TextEdit[] = [];
  const lists = new Map<AstNode, AstNode[]>();
  for (const node of nodes) {
    const owner = listOwner(node, rc);
    if (owner) lists.set(owner, [...(lists.get(owner) ?? []), node]);
    else edits.push(declarationEdit(node, rc));
  }
  for (const [owner, gone] of lists) {
    const items: AstNode[] = owner.type === 'ImportDeclaration' ? owner.specifiers : owner.id.properties;
    if (items.every((item) => gone.includes(item))) {
      edits.push(declarationEdit(owner, rc));
      continue;
    }
    for (let i = 0; i < items.length; i++) {
      if (!gone.includes(items[i])) continue;
      let j = i;
      while (j + 1 < items.length && gone.includes(items[j + 1])) j++;
      edits.push(j + 1 < items.length ? { start: items[i].start!, end: items[j + 1].start!, text: '' } : { start: items[i - 1].end!, end: items[j].end!, text: '' });
      i = j;
    }
  }
  return edits;
}

/** The import declaration or `const {…} = require(…)` declarator whose list holds this part, if it is one. */
function listOwner(node: AstNode, rc: RewriteContext): AstNode | null {
  if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier') return rc.parentOf(node);
  if (node.type !== 'ObjectProperty' && node.type !== 'Property') return null;
  const pattern = rc.parentOf(node);
  const declarator = pattern && rc.parentOf(pattern);
  return pattern?.type === 'ObjectPattern' && declarator?.type === 'VariableDeclarator' ? declarator : null;
}

function declarationEdit(node: AstNode, rc: RewriteContext): TextEdit {
  const { source } = rc;
  let target = node;
  if (node.type === 'VariableDeclarator') {
    const declaration = rc.parentOf(node);
    if (declaration && declaration.declarations.length > 1) {
      const list: AstNode[] = declaration.declarations;
      const at = list.indexOf(node);
      if (at < list.length - 1) return { start: node.start!, end: list[at + 1].start!, text: '' };
      return { start: list[at - 1].end!, end: node.end!, text: '' };
    }
    if (declaration) target = declaration;
  }
  const start = target.start!;
  const end = target.end!;
  let lineStart = lineStartOf(source, start);
  const lineEnd = lineEndOf(source, end);
  const after = source.slice(end, lineEnd);
  // A line comment after it on its line speaks about it (`const KEY = '…'; // rotate yearly`): it goes too.
  if (startsLine(source, start) && /^[ \t]*;?[ \t]*(?:\/\/[^\r\n]*)?\r?\n?$/.test(after)) {
    // Line comments right above it, wedged between code lines, speak about it: they go too. A
    // comment after a blank line or at the top of the file heads more than this declaration.
    let commentStart = lineStart;
    while (commentStart > 0) {
      const above = lineStartOf(source, commentStart - 1);
      if (!/^[ \t]*\/\/[^\n]*\n$/.test(source.slice(above, commentStart))) break;
      commentStart = above;
    }
    if (commentStart < lineStart && commentStart > 0 && source.slice(lineStartOf(source, commentStart - 1), commentStart).trim() !== '') {
      lineStart = commentStart;
    }
    // Take one blank line that separated it from what follows, so no double blank line is left (nor
    // a blank first line).
    let removeEnd = lineEnd;
    const prevBlank = lineStart === 0 || (lineStart >= 2 && source.slice(lineStartOf(source, lineStart - 1), lineStart).trim() === '');
    const nextLineEnd = lineEndOf(source, lineEnd);
    if (prevBlank && lineEnd < source.length && source.slice(lineEnd, nextLineEnd).trim() === '') removeEnd = nextLineEnd;
    return { start: lineStart, end: removeEnd, text: '' };
  }
  return { start, end, text: '' };
}
