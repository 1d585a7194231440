const BASE = 'https://api.bigcommerce.com/stores/abc123/v2';

export async function brands() {
  const headers = new Headers();
  headers.set('X-Auth-Token', process.env.BIGCOMMERCE_ACCESS_TOKEN as string);
  headers.set('Accept', 'application/json');
  return fetch(`${BASE}/brands`, { headers });
}

export async function deleteRedirect(id: string) {
  return fetch(`${BASE}/redirects/${id}`, { method: 'DELETE', headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string, Accept: 'application/json' } });
}

export async function blogPosts() {
  return fetch(`${BASE}/blog/posts`, {
    headers: new Headers({ 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string, Accept: 'application/json' }),
  });
}
