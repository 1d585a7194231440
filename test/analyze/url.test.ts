import { describe, expect, it } from 'vitest';
import { HOLE } from '../../src/analyze/endpoints.ts';
import { splitUrl, withoutUserinfo } from '../../src/analyze/url.ts';

describe('splitUrl', () => {
  it('splits an absolute URL into its parts', () => {
    expect(splitUrl('https://store-abc.mybigcommerce.com:8443/api/v2/orders.json?limit=5#x')).toMatchObject({
      scheme: 'https', userinfo: null, host: 'store-abc.mybigcommerce.com', port: '8443', path: '/api/v2/orders.json', query: 'limit=5',
    });
  });

  it('separates userinfo from the host', () => {
    expect(splitUrl('https://admin:key@store-abc.mybigcommerce.com/api/v2/time')).toMatchObject({
      userinfo: { user: 'admin', password: 'key' }, host: 'store-abc.mybigcommerce.com', path: '/api/v2/time',
    });
  });

  it('keeps holes inside the host', () => {
    const parts = splitUrl(`https://store-${HOLE}.mybigcommerce.com/api/v2${HOLE}`);
    expect(parts.host).toBe(`store-${HOLE}.mybigcommerce.com`);
    expect(parts.path).toBe(`/api/v2${HOLE}`);
    expect(parts.hostRange).toEqual([8, 8 + parts.host!.length]);
  });

  it('treats a leading hole before a slash as the origin', () => {
    expect(splitUrl(`${HOLE}/api/v2/orders`)).toMatchObject({ scheme: null, host: HOLE, path: '/api/v2/orders' });
  });

  it('reads relative paths without a host', () => {
    expect(splitUrl('/api/v2/orders?x=1')).toMatchObject({ host: null, path: '/api/v2/orders', query: 'x=1' });
    expect(splitUrl('orders.json')).toMatchObject({ host: null, path: '/orders.json' });
  });

  it('reads a scheme-less host name', () => {
    expect(splitUrl('store-abc.mybigcommerce.com/api/v2/orders')).toMatchObject({ host: 'store-abc.mybigcommerce.com', path: '/api/v2/orders' });
  });
});

describe('withoutUserinfo', () => {
  it('drops user and key from a URL and keeps the key, as written and decoded, as a secret', () => {
    const secrets: string[] = [];
    expect(withoutUserinfo('https://app:p%40ss9w0rd@store-abc123.mybigcommerce.com/api/v2/orders', secrets)).toBe('https://store-abc123.mybigcommerce.com/api/v2/orders');
    expect(secrets).toEqual(['p%40ss9w0rd', 'p@ss9w0rd']);
  });

  it('keeps no secret for a key that names where it comes from, and leaves a URL without userinfo alone', () => {
    const secrets: string[] = [];
    expect(withoutUserinfo('https://$U:$KEY@store-abc123.mybigcommerce.com/api/v2', secrets)).toBe('https://store-abc123.mybigcommerce.com/api/v2');
    expect(withoutUserinfo('https://store-abc123.mybigcommerce.com/api/v2?email=a@b.c', secrets)).toBe('https://store-abc123.mybigcommerce.com/api/v2?email=a@b.c');
    expect(secrets).toEqual([]);
  });
});
