import { describe, expect, it } from 'vitest';
import { basicAuthFromHeaders, basicAuthValue, userinfoEvidence } from '../../src/analyze/auth.ts';
import { probe } from './helpers.ts';

function basic(code: string) {
  const { ev, args } = probe(code);
  return basicAuthValue(ev, args[0]);
}

describe('basicAuthValue', () => {
  it('recognises Basic + Buffer.from(...).toString("base64") and splits user and key', () => {
    const result = basic('probe("Basic " + Buffer.from(`${user}:${key}`).toString("base64"))');
    expect(result?.user?.name).toBe('user');
    expect(result?.password?.name).toBe('key');
    expect(result?.hardcoded).toEqual([]);
  });

  it('recognises a template with new Buffer', () => {
    expect(basic('probe(`Basic ${new Buffer(u + ":" + k).toString("base64")}`)')).not.toBeNull();
  });

  it('recognises btoa and window.btoa', () => {
    expect(basic('probe("Basic " + btoa(u + ":" + k))')?.password?.name).toBe('k');
    expect(basic('probe("Basic " + window.btoa(u + ":" + k))')?.password?.name).toBe('k');
  });

  it('recognises a same-file helper that returns the header and names it', () => {
    const result = basic('function authHeader() { return "Basic " + btoa(U + ":" + K); } probe(authHeader())');
    expect(result?.helper?.id?.name).toBe('authHeader');
  });

  it('flags a hard-coded key written in a constant', () => {
    const result = basic('const KEY = "abcdef0123456789"; probe("Basic " + Buffer.from("admin:" + KEY).toString("base64"))');
    expect(result?.hardcoded.map((s) => s.value)).toEqual(['abcdef0123456789']);
    expect(result?.hardcoded[0].node.loc.start.line).toBe(1);
  });

  it('flags a pre-encoded token literal', () => {
    const result = basic('probe("Basic YWRtaW46c2VjcmV0a2V5")');
    expect(result?.hardcoded).toMatchObject([{ value: 'YWRtaW46c2VjcmV0a2V5', what: 'token' }]);
  });

  it('keeps the literals a token or key is joined from as pieces, since no output shows the joined value', () => {
    const token = basic('probe("Basic " + "YXh1c2VyOnp6OVBMQU5URURr" + "ZXlTUExJVDAwMDAwMDAwMDAwMDAwMDQz")');
    expect(token?.hardcoded).toMatchObject([{ what: 'token', pieces: ['YXh1c2VyOnp6OVBMQU5URURr', 'ZXlTUExJVDAwMDAwMDAwMDAwMDAwMDQz'] }]);
    const key = basic('probe("Basic " + btoa("admin:" + "zz9PLANTED" + "key42"))');
    expect(key?.hardcoded).toMatchObject([{ what: 'password', value: 'zz9PLANTEDkey42', pieces: ['zz9PLANTED', 'key42'] }]);
  });

  it('does not take Bearer or unknown values for basic auth', () => {
    expect(basic('probe("Bearer " + token)')).toBeNull();
    expect(basic('probe(authValue)')).toBeNull();
  });
});

describe('basicAuthFromHeaders', () => {
  it('finds the header in an object literal, case-insensitively, and through new Headers', () => {
    const { ev, args } = probe('probe({ authorization: "Basic " + t }); probe(new Headers({ Authorization: "Basic " + t }))');
    expect(basicAuthFromHeaders(ev, args[0])).toHaveLength(1);
    expect(basicAuthFromHeaders(ev, args[1])).toHaveLength(1);
  });

  it('finds headers.set("Authorization", ...) on a Headers object', () => {
    const { ev, args } = probe('const h = new Headers(); h.set("Authorization", "Basic " + btoa(a + ":" + b)); probe(h)');
    expect(basicAuthFromHeaders(ev, args[0])).toMatchObject([{ kind: 'basic-header' }]);
  });
});

describe('userinfoEvidence', () => {
  it('reports credentials in a URL literal and the literal password as hard-coded', () => {
    const { ev, args } = probe('probe("https://admin:k3y-value@store-abc.mybigcommerce.com/api/v2/orders")');
    const evidence = userinfoEvidence(args[0], ev.evaluate(args[0]), null);
    expect(evidence?.kind).toBe('userinfo');
    expect(evidence?.hardcoded.map((s) => s.value)).toEqual(['k3y-value']);
  });

  it('gives nothing for a URL without userinfo', () => {
    const { ev, args } = probe('probe("https://store-abc.mybigcommerce.com/api/v2/orders")');
    expect(userinfoEvidence(args[0], ev.evaluate(args[0]), null)).toBeNull();
  });
});
