import { describe, expect, it } from 'vitest';
import { describePartial, renderPartial } from '../../src/analyze/evaluate.ts';
import { HOLE } from '../../src/analyze/endpoints.ts';
import { probe } from './helpers.ts';

function describeFirst(code: string): string {
  const { ev, args } = probe(code);
  return describePartial(ev.evaluate(args[0]));
}

describe('evaluate', () => {
  it('reads string and template literals', () => {
    expect(describeFirst(`probe('https://a.test/x')`)).toBe('https://a.test/x');
    expect(describeFirst('probe(`https://a.test/${id}`)')).toBe('https://a.test/${id}');
  });

  it('joins + chains and same-file constants', () => {
    expect(describeFirst(`const BASE = 'https://s.test'; const P = '/api/v2'; probe(BASE + P + '/orders/' + id)`)).toBe('https://s.test/api/v2/orders/${id}');
  });

  it("reads Node's path.join and path.posix.join of known and unknown parts, and leaves dot segments unknown", () => {
    const base = `const STORE = 'https://s.test';`;
    expect(describeFirst(`const path = require('path'); ${base} probe(STORE + path.join('/api/v2/customers', String(id)))`)).toBe('https://s.test/api/v2/customers/${id}');
    expect(describeFirst(`import path from 'node:path'; probe(path.posix.join('/api/v2/', '/orders', '', id, 'shipments'))`)).toBe('/api/v2/orders/${id}/shipments');
    expect(describeFirst(`import { join } from 'path'; probe(join('/api/v2', 'orders/'))`)).toBe('/api/v2/orders/');
    expect(describeFirst(`const path = require('path'); probe(path.join('/api/v2/x', '../orders'))`)).toBe("${path.join('/api/v2/x', '../orders')}");
    expect(describeFirst(`const path = { join: (a, b) => b }; probe(path.join('/api/v2', '/orders'))`)).not.toBe('/api/v2/orders');
  });

  it('respects block scope when two constants share a name', () => {
    const code = `const URL_ = 'outer'; function f() { const URL_ = 'inner'; probe(URL_); } probe(URL_);`;
    const { ev, args } = probe(code);
    expect(args.map((a) => renderPartial(ev.evaluate(a)))).toEqual(['inner', 'outer']);
  });

  it('follows a let that is never reassigned, and not one that is', () => {
    expect(describeFirst(`let a = 'x'; probe(a)`)).toBe('x');
    expect(describeFirst(`let a = 'x'; a = 'y'; probe(a)`)).toBe('${a}');
  });

  it('reads object literal properties, dotted and bracketed, through spreads', () => {
    expect(describeFirst(`const config = { store: { url: 'https://s.test' } }; probe(config.store.url)`)).toBe('https://s.test');
    expect(describeFirst(`const CONFIG = { apiPath: '/api/v2' }; probe(CONFIG['apiPath'])`)).toBe('/api/v2');
    expect(describeFirst(`const base = { a: 'x' }; const c = { ...base, b: 'y' }; probe(c.a + c.b)`)).toBe('xy');
  });

  it('reads destructured constants', () => {
    expect(describeFirst(`const cfg = { host: 'h.test' }; const { host } = cfg; probe(host)`)).toBe('h.test');
  });

  it('evaluates concat, join and String()', () => {
    expect(describeFirst(`probe('a'.concat('b', x))`)).toBe('ab${x}');
    expect(describeFirst(`probe(['https://s.test', 'api', 'v2'].join('/'))`)).toBe('https://s.test/api/v2');
    expect(describeFirst(`probe(String('a' + 1))`)).toBe('a1');
  });

  it('resolves new URL(path, base) with toString and href', () => {
    expect(describeFirst(`probe(new URL('/api/v2/orders', 'https://s.test/x/y').toString())`)).toBe('https://s.test/api/v2/orders');
    expect(describeFirst(`const u = new URL('orders', 'https://s.test/api/v2/'); probe(u.href)`)).toBe('https://s.test/api/v2/orders');
    expect(describeFirst(`probe(new URL('orders', 'https://s.test/api/v2/').toString())`)).toBe('https://s.test/api/v2/orders');
  });

  it("reads Node's url.resolve and util.format, imported or required, and not a local helper of the same name", () => {
    const base = "const STORE = 'https://s.test';";
    expect(describeFirst(`const url = require('url'); ${base} probe(url.resolve(STORE, '/api/v2/orders'))`)).toBe('https://s.test/api/v2/orders');
    expect(describeFirst(`import { resolve } from 'node:url'; ${base} probe(resolve(STORE + '/x/', 'orders'))`)).toBe('https://s.test/x/orders');
    expect(describeFirst(`import util from 'util'; ${base} probe(util.format('%s/api/v2/orders/%d?%%', STORE, id))`)).toBe('https://s.test/api/v2/orders/${id}?%');
    expect(describeFirst(`const { format } = require('node:util'); probe(format('%s/api/v2', 'https://s.test', 'extra'))`)).toBe('https://s.test/api/v2 extra');
    expect(describeFirst(`const url = { resolve: (a, b) => b }; ${base} probe(url.resolve(STORE, '/api/v2/orders'))`)).not.toBe('https://s.test/api/v2/orders');
  });

  it('describes process.env values as holes with their source', () => {
    const { ev, args } = probe(`probe(process.env.STORE_URL + '/api/v2')`);
    const value = ev.evaluate(args[0]);
    expect(describePartial(value)).toBe('${process.env.STORE_URL}/api/v2');
    expect(renderPartial(value)).toBe(`${HOLE}/api/v2`);
  });

  it('evaluates through a same-file helper with a single return', () => {
    expect(describeFirst(`const BASE = 'https://s.test'; function url(p) { return BASE + '/api/v2' + p; } probe(url('/orders'))`)).toBe('https://s.test/api/v2/orders');
  });

  it('survives cycles between constants', () => {
    expect(describeFirst(`const a = b + 'x'; const b = a + 'y'; probe(a)`)).toContain('${');
  });

  it('reads this.x set once in the constructor', () => {
    const code = `class C { constructor() { this.base = 'https://s.test/api/v2'; } go() { probe(this.base + '/time'); } }`;
    expect(describeFirst(code)).toBe('https://s.test/api/v2/time');
  });
});

describe('evaluateMethod and evaluateBoolean', () => {
  it('upper-cases a static method and gives null for a dynamic one', () => {
    const { ev, args } = probe(`const M = 'post'; probe(M); probe(m); probe('fetch')`);
    expect(args.map((a) => ev.evaluateMethod(a))).toEqual(['POST', null, null]);
  });

  it('reads simple booleans', () => {
    const { ev, args } = probe(`const yes = true; probe(yes); probe(!yes); probe(flag)`);
    expect(args.map((a) => ev.evaluateBoolean(a))).toEqual([true, false, null]);
  });
});
