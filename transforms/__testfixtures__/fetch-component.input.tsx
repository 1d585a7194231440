// A server component that renders the store's brands.
export default async function Brands() {
  const res = await fetch('https://store-abc123.mybigcommerce.com/api/v2/brands.json', {
    headers: { Authorization: `Basic ${Buffer.from(`${process.env.BC_USER}:${process.env.BC_KEY}`).toString('base64')}` },
    cache: 'no-store',
  });
  const brands: Array<{ id: number; name: string }> = await res.json();
  return <ul>{brands.map((b) => <li key={b.id}>{b.name}</li>)}</ul>;
}
