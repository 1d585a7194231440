const BASE = 'https://store-abc123.mybigcommerce.com/api/v2';

function basicAuth(): string {
  return 'Basic ' + Buffer.from(`${process.env.BC_USER}:${process.env.BC_KEY}`).toString('base64');
}

export async function brands() {
  const headers = new Headers();
  headers.set('Authorization', 'Basic ' + btoa(`${process.env.BC_USER}:${process.env.BC_KEY}`));
  headers.set('Accept', 'application/json');
  return fetch(`${BASE}/brands`, { headers });
}

export async function deleteRedirect(id: string) {
  return fetch(`${BASE}/redirects/${id}`, { method: 'DELETE', headers: { Authorization: basicAuth() } });
}

export async function blogPosts() {
  return fetch(`${BASE}/blog/posts`, {
    headers: new Headers({ Authorization: basicAuth(), Accept: 'application/json' }),
  });
}
