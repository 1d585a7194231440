import { describe, expect, it } from 'vitest';
import { HOLE } from '../../src/analyze/endpoints.ts';
import { classifyHost, isGatewayHost } from '../../src/analyze/hosts.ts';

describe('classifyHost', () => {
  it('extracts the hash from a store hostname', () => {
    expect(classifyHost('store-ABC123.mybigcommerce.com', {})).toEqual({
      kind: 'store-hostname', name: 'store-abc123.mybigcommerce.com', storeHash: 'abc123', storeHashSource: 'hostname', channelId: null,
    });
  });

  it('extracts hash and channel from a channel hostname', () => {
    expect(classifyHost('store-abc123-1234.mybigcommerce.com', {})).toMatchObject({ kind: 'store-hostname', storeHash: 'abc123', channelId: '1234' });
  });

  it('keeps the expression a dynamic hash comes from', () => {
    const info = classifyHost([{ text: 'store-' }, { hole: 'process.env.STORE_HASH' }, { text: '.mybigcommerce.com' }], {});
    expect(info).toMatchObject({ kind: 'store-hostname', storeHash: null, storeHashExpression: 'process.env.STORE_HASH', name: 'store-${process.env.STORE_HASH}.mybigcommerce.com' });
  });

  it('classifies other mybigcommerce.com names without a hash', () => {
    expect(classifyHost('arabic-store.mybigcommerce.com', {})).toMatchObject({ kind: 'mybigcommerce-other', storeHash: null });
  });

  it('classifies other static hostnames as custom domains', () => {
    expect(classifyHost('shop.example.com', {})).toEqual({ kind: 'custom-domain', name: 'shop.example.com', storeHash: null });
  });

  it('fills the hash of a custom domain from the config stores mapping', () => {
    expect(classifyHost('www.shop.example.com', { 'https://shop.example.com/': 'h4sh' })).toMatchObject({ kind: 'custom-domain', storeHash: 'h4sh', storeHashSource: 'config' });
  });

  it('strips port and userinfo and never keeps the userinfo in the name', () => {
    const info = classifyHost('admin:s3cret@store-abc123.mybigcommerce.com:443', {});
    expect(info).toMatchObject({ kind: 'store-hostname', storeHash: 'abc123', name: 'store-abc123.mybigcommerce.com' });
    expect(JSON.stringify(info)).not.toContain('s3cret');
  });

  it('calls null and mostly dynamic hosts unknown', () => {
    expect(classifyHost(null, {})).toEqual({ kind: 'unknown', name: null, storeHash: null });
    expect(classifyHost(HOLE, {})).toMatchObject({ kind: 'unknown', name: null });
    expect(classifyHost([{ hole: 'host' }, { text: '.example.com' }], {})).toMatchObject({ kind: 'unknown', name: '${host}.example.com' });
  });
});

describe('isGatewayHost', () => {
  it('recognises the OAuth gateway only', () => {
    expect(isGatewayHost('api.bigcommerce.com')).toBe(true);
    expect(isGatewayHost('API.BigCommerce.com:443')).toBe(true);
    expect(isGatewayHost('store-abc.mybigcommerce.com')).toBe(false);
    expect(isGatewayHost(null)).toBe(false);
  });
});
