import { describe, expect, it } from 'vitest';
import type { AstNode } from '../../src/analyze/ast.ts';
import { basicAuthValue } from '../../src/analyze/auth.ts';
import { isXmlRequest } from '../../src/analyze/detectors/shared.ts';
import { describePartial, readsNoParameter, type Env } from '../../src/analyze/evaluate.ts';
import { independently, rememberIndependentResults } from '../../src/analyze/independent.ts';
import { probe } from './helpers.ts';

/**
 * A wrapper called twice with different arguments: `probe(...)` marks the values read inside it,
 * `envs` binds its parameters as at each call.
 */
function wrapperCalls(code: string): { ev: ReturnType<typeof probe>['ev']; args: AstNode[]; envs: Env[] } {
  const { ev, args } = probe(code);
  const fn = ev.index.functions.find((f) => f.id?.name === 'wrapper')!;
  const calls = ev.index.calls.filter((c) => c.callee?.name === 'wrapper');
  return { ev, args, envs: calls.map((call) => ev.bindArguments(fn, call, null)) };
}

describe('readsNoParameter', () => {
  it('tells whether a computation looked up a parameter', () => {
    const { ev, args, envs } = wrapperCalls(`function wrapper(token) { probe(token); probe(BASE); } const BASE = 'x'; wrapper('a');`);
    expect(readsNoParameter(() => describePartial(ev.evaluate(args[0], envs[0])))).toEqual({ value: 'a', independent: false });
    expect(readsNoParameter(() => describePartial(ev.evaluate(args[1], envs[0])))).toEqual({ value: 'x', independent: true });
  });

  it('counts a parameter looked up without an argument bound to it', () => {
    const { ev, args } = wrapperCalls(`function wrapper(token) { probe(token); }`);
    expect(readsNoParameter(() => ev.evaluate(args[0], null)).independent).toBe(false);
  });
});

describe('independently', () => {
  it('computes again, for an evaluator that asked to remember, what read a parameter', () => {
    const { ev, args, envs } = wrapperCalls(`function wrapper(token) { probe('Basic ' + token); } wrapper('dG9rZW4tb25l'); wrapper('dG9rZW4tdHdv');`);
    rememberIndependentResults(ev);
    const tokens = envs.map((env) => basicAuthValue(ev, args[0], env)?.hardcoded.map((s) => s.value));
    expect(tokens).toEqual([['dG9rZW4tb25l'], ['dG9rZW4tdHdv']]);
  });

  it('computes once what read no parameter, and hands out copies', () => {
    const { ev, args, envs } = wrapperCalls(`function auth() { return 'Basic ' + 'dG9rZW4='; } function wrapper(path) { probe(auth()); } wrapper('/a'); wrapper('/b');`);
    rememberIndependentResults(ev);
    let computed = 0;
    const read = (env: Env) =>
      independently(ev, 'test', args[0], null, () => {
        computed++;
        return basicAuthValue(ev, args[0], env);
      }, (value) => value && { ...value, hardcoded: value.hardcoded.map((s) => ({ ...s })) });
    const first = read(envs[0])!;
    first.hardcoded.push({ value: 'changed by a caller', node: args[0], what: 'token' });
    const second = read(envs[1])!;
    expect(computed).toBe(1);
    expect(second.hardcoded.map((s) => s.value)).toEqual(['dG9rZW4=']);
    expect(second.helper?.id?.name).toBe('auth');
  });

  it('remembers nothing for an evaluator that did not ask', () => {
    const { ev, args } = probe(`probe('Basic dG9rZW4=')`);
    let computed = 0;
    const read = () => independently(ev, 'test', args[0], null, () => ++computed, (n) => n);
    read();
    read();
    expect(computed).toBe(2);
  });

  it('keeps apart results about other nodes and of other kinds', () => {
    const { ev, args } = probe(`probe(a); probe(b);`);
    rememberIndependentResults(ev);
    const read = (kind: string, node: AstNode, value: string) => independently(ev, kind, node, null, () => value, (v) => v);
    expect([read('one', args[0], 'a'), read('one', args[1], 'b'), read('two', args[0], 'c'), read('one', args[0], 'd')]).toEqual(['a', 'b', 'c', 'a']);
  });

  it('reads the XML headers of each call when they come from its arguments', () => {
    const code = `function wrapper(accept) { probe({ Accept: accept }); } wrapper('application/xml'); wrapper('application/json');`;
    const { ev, args, envs } = wrapperCalls(code);
    rememberIndependentResults(ev);
    expect(envs.map((env) => isXmlRequest(ev, args[0], null, env))).toEqual([true, false]);
  });
});
