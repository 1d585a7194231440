import { describe, expect, it } from 'vitest';
import { normalizeEndpoint } from '../../src/analyze/endpoints.ts';
import { PHP_CLIENT_METHODS } from '../../src/analyze/languages/php/library-endpoints.ts';
import { PYTHON_RESOURCES } from '../../src/analyze/languages/python/library-endpoints.ts';
import { RUBY_0X_METHODS, RUBY_RESOURCES } from '../../src/analyze/languages/ruby/library-endpoints.ts';
import { resolveScope } from '../../src/scopes/resolve.ts';
import type { HttpMethod } from '../../src/types.ts';

/** Endpoints the catalogue knows to need no selectable scope or to be undocumented (BCFACTS §1.2). */
const NO_SCOPE = new Set(['/v2/hooks', '/v2/hooks/{id}', '/v2/requestlogs']);

function scopeOf(method: HttpMethod, path: string): { endpoint: string | null; scope: string | null; defaultScope?: boolean } {
  const endpoint = normalizeEndpoint(path.startsWith('/v2') ? path : `/v2/${path}`).endpoint;
  const resolution = endpoint ? resolveScope(method, endpoint) : { scope: null };
  return { endpoint, ...resolution };
}

describe('library endpoint tables', () => {
  it('holds only normalized PHP endpoints, each with a scope in the catalogue', () => {
    for (const [name, { method, endpoint }] of Object.entries(PHP_CLIENT_METHODS)) {
      expect(normalizeEndpoint(endpoint).endpoint, name).toBe(endpoint);
      if (!NO_SCOPE.has(endpoint)) expect(scopeOf(method, endpoint).scope, name).not.toBeNull();
    }
  });

  it('maps every Python resource and Ruby resource collection to a scope', () => {
    for (const [name, resource] of Object.entries(PYTHON_RESOURCES)) {
      const path = resource.parent ? `${resource.parent}/{id}/${resource.path}` : resource.path;
      const { endpoint, scope } = scopeOf('GET', path);
      if (!NO_SCOPE.has(endpoint ?? '')) expect(scope, name).not.toBeNull();
    }
    for (const [name, resource] of Object.entries(RUBY_RESOURCES)) {
      const { endpoint, scope } = scopeOf('GET', resource.collection);
      if (!NO_SCOPE.has(endpoint ?? '')) expect(scope, name).not.toBeNull();
    }
  });

  it("normalizes the 0.x Ruby client's alias spellings", () => {
    expect(scopeOf('GET', RUBY_0X_METHODS.orderstatuses.endpoint).endpoint).toBe('/v2/order_statuses');
    expect(scopeOf('PUT', RUBY_0X_METHODS.update_optionset.endpoint).endpoint).toBe('/v2/option_sets/{id}');
    for (const [name, { method, endpoint }] of Object.entries(RUBY_0X_METHODS)) {
      expect(scopeOf(method, endpoint).scope, name).not.toBeNull();
    }
  });
});
