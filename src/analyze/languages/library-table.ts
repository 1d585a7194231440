// The shape of the per-library tables that map a library call to the V2 request it makes.
import type { HttpMethod } from '../../types.ts';

/** One request a library method makes: the method and the normalized V2 endpoint. */
export interface LibraryRequest {
  method: HttpMethod;
  endpoint: string;
}

export function request(method: HttpMethod, endpoint: string): LibraryRequest {
  return { method, endpoint };
}

export const GET = (endpoint: string) => request('GET', endpoint);
export const POST = (endpoint: string) => request('POST', endpoint);
export const PUT = (endpoint: string) => request('PUT', endpoint);
export const DELETE = (endpoint: string) => request('DELETE', endpoint);
