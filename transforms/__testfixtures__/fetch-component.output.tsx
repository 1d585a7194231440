// A server component that renders the store's brands.
export default async function Brands() {
  const res = await fetch('https://api.bigcommerce.com/stores/abc123/v2/brands', {
    headers: { 'X-Auth-Token': process.env.BIGCOMMERCE_ACCESS_TOKEN as string, Accept: 'application/json' },
    cache: 'no-store',
  });
  const brands: Array<{ id: number; name: string }> = await res.json();
  return <ul>{brands.map((b) => <li key={b.id}>{b.name}</li>)}</ul>;
}
