// A tiny store, enough for the example app and the fixture apps: collections keyed by their
// resource path (`/v2/orders/101/products`), single resources (`/v2/store`) kept apart.

export type Item = Record<string, unknown> & { id: number | string };

export interface StoreData {
  collections: Map<string, Item[]>;
  singletons: Map<string, Record<string, unknown>>;
}

// BigCommerce order statuses: 11 Awaiting Fulfillment, 2 Shipped, 10 Completed.
const ORDERS: Item[] = [
  { id: 101, status_id: 11, status: 'Awaiting Fulfillment', customer_id: 1, total_inc_tax: '42.0000', items_total: 2 },
  { id: 102, status_id: 11, status: 'Awaiting Fulfillment', customer_id: 2, total_inc_tax: '18.5000', items_total: 1 },
  { id: 103, status_id: 10, status: 'Completed', customer_id: 1, total_inc_tax: '99.0000', items_total: 3 },
  { id: 104, status_id: 11, status: 'Awaiting Fulfillment', customer_id: 3, total_inc_tax: '24.0000', items_total: 1 },
  { id: 105, status_id: 2, status: 'Shipped', customer_id: 2, total_inc_tax: '12.0000', items_total: 1 },
];

const ORDER_PRODUCTS: Record<number, Item[]> = {
  101: [{ id: 1, order_id: 101, product_id: 77, name: 'Enamel Mug (Black)', sku: 'MUG-BLK', quantity: 2 }],
  102: [{ id: 2, order_id: 102, product_id: 80, name: 'Logo Tee (L)', sku: 'TEE-L', quantity: 1 }],
  103: [{ id: 3, order_id: 103, product_id: 78, name: 'Enamel Mug (White)', sku: 'MUG-WHT', quantity: 3 }],
  104: [{ id: 4, order_id: 104, product_id: 78, name: 'Enamel Mug (White)', sku: 'MUG-WHT', quantity: 1 }],
  105: [{ id: 5, order_id: 105, product_id: 77, name: 'Enamel Mug (Black)', sku: 'MUG-BLK', quantity: 1 }],
};

const PRODUCTS: Item[] = [
  { id: 77, name: 'Enamel Mug (Black)', sku: 'MUG-BLK', price: '12.0000', inventory_level: 40 },
  { id: 78, name: 'Enamel Mug (White)', sku: 'MUG-WHT', price: '12.0000', inventory_level: 12 },
  { id: 80, name: 'Logo Tee (L)', sku: 'TEE-L', price: '18.5000', inventory_level: 5 },
];

const CUSTOMERS: Item[] = [
  { id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Byron', customer_group_id: 1 },
  { id: 2, email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', customer_group_id: 2 },
  { id: 3, email: 'alan@example.com', first_name: 'Alan', last_name: 'Turing', customer_group_id: 1 },
];

const CUSTOMER_GROUPS: Item[] = [
  { id: 1, name: 'Retail', is_default: true },
  { id: 2, name: 'Wholesale', is_default: false },
];

/** A fresh copy of the store each time, so one run's writes never leak into the next. */
export function createStoreData(storeHash: string): StoreData {
  const collections = new Map<string, Item[]>([
    ['/v2/orders', ORDERS],
    ['/v2/products', PRODUCTS],
    ['/v2/customers', CUSTOMERS],
    ['/v2/customer_groups', CUSTOMER_GROUPS],
    ['/v2/hooks', []],
    ['/v3/hooks', []],
    ...Object.entries(ORDER_PRODUCTS).map(([orderId, items]) => [`/v2/orders/${orderId}/products`, items] as [string, Item[]]),
  ]);
  const singletons = new Map<string, Record<string, unknown>>([
    [
      '/v2/store',
      {
        id: storeHash,
        name: 'Acme Outfitters',
        domain: 'shop.acme.example',
        secure_url: `https://store-${storeHash}.mybigcommerce.com`,
        control_panel_base_url: `https://store-${storeHash}.mybigcommerce.com`,
        currency: 'USD',
      },
    ],
    ['/v2/time', { time: 1_735_689_600 }],
  ]);
  return structuredClone({ collections, singletons });
}
