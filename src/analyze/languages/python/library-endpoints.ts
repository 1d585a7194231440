// Resource classes of the Python client (`api.Orders.all()`) and the V2 paths they build.
// Source: bigcommerce/bigcommerce-api-python, bigcommerce/resources/v2/*.py (each class's
// `resource_name`, `parent_resource`, `count_resource`) and bigcommerce/resources/base.py (the verbs:
// `all`/`iterall`/`get`/`count` GET, `create` POST, `update` PUT, `delete`/`delete_all` DELETE, with
// sub-resources taking the parent id first). Under basic auth the client prefixes `/api/v2/`.

export interface PythonResource {
  /** The resource's own path segment(s), `resource_name`. */
  path: string;
  /** `parent_resource` for sub-resources: their paths are `<parent>/{id}/<path>`. */
  parent?: string;
  /** `count_resource`: the count path used when no parent id is given. */
  countPath?: string;
}

export const PYTHON_RESOURCES: Readonly<Record<string, PythonResource>> = {
  Banners: { path: 'banners' },
  BlogPosts: { path: 'blog/posts' },
  Brands: { path: 'brands' },
  Categories: { path: 'categories' },
  Countries: { path: 'countries' },
  CountryStates: { path: 'states', parent: 'countries' },
  Coupons: { path: 'coupons' },
  Currencies: { path: 'currencies' },
  CustomerGroups: { path: 'customer_groups' },
  Customers: { path: 'customers' },
  CustomerAddresses: { path: 'addresses', parent: 'customers' },
  GiftCertificates: { path: 'gift_certificates' },
  OptionSets: { path: 'option_sets' },
  OptionSetOptions: { path: 'options', parent: 'option_sets' },
  Options: { path: 'options' },
  OptionValues: { path: 'values', parent: 'options' },
  OrderStatuses: { path: 'order_statuses' },
  Orders: { path: 'orders' },
  OrderCoupons: { path: 'coupons', parent: 'orders' },
  OrderProducts: { path: 'products', parent: 'orders', countPath: 'orders/products' },
  OrderShipments: { path: 'shipments', parent: 'orders', countPath: 'orders/shipments' },
  OrderShippingAddresses: { path: 'shipping_addresses', parent: 'orders', countPath: 'orders/shipping_addresses' },
  OrderMessages: { path: 'messages', parent: 'orders' },
  OrderTaxes: { path: 'taxes', parent: 'orders' },
  Pages: { path: 'pages' },
  PaymentMethods: { path: 'payments/methods' },
  Products: { path: 'products' },
  ProductConfigurableFields: { path: 'configurable_fields', parent: 'products', countPath: 'products/configurable_fields' },
  ProductCustomFields: { path: 'custom_fields', parent: 'products', countPath: 'products/custom_fields' },
  ProductDiscountRules: { path: 'discount_rules', parent: 'products', countPath: 'products/discount_rules' },
  ProductImages: { path: 'images', parent: 'products', countPath: 'products/images' },
  ProductOptions: { path: 'options', parent: 'products' },
  ProductReviews: { path: 'reviews', parent: 'products', countPath: 'products/reviews' },
  ProductRules: { path: 'rules', parent: 'products', countPath: 'products/rules' },
  ProductSkus: { path: 'skus', parent: 'products', countPath: 'products/skus' },
  ProductVideos: { path: 'videos', parent: 'products', countPath: 'products/videos' },
  GoogleProductSearchMappings: { path: 'googleproductsearch', parent: 'products' },
  Redirects: { path: 'redirects' },
  ShippingMethods: { path: 'shipping/methods' },
  Store: { path: 'store' },
  TaxClasses: { path: 'tax_classes' },
  Time: { path: 'time' },
  Webhooks: { path: 'hooks' },
};

/** Instance helpers (`order.shipments()`): the sub-resource class each one lists or gets. */
export const PYTHON_SUBRESOURCE_HELPERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Orders: { coupons: 'OrderCoupons', products: 'OrderProducts', shipments: 'OrderShipments', shipping_addresses: 'OrderShippingAddresses', messages: 'OrderMessages', taxes: 'OrderTaxes' },
  Products: {
    configurable_fields: 'ProductConfigurableFields',
    custom_fields: 'ProductCustomFields',
    discount_rules: 'ProductDiscountRules',
    images: 'ProductImages',
    options: 'ProductOptions',
    reviews: 'ProductReviews',
    rules: 'ProductRules',
    skus: 'ProductSkus',
    videos: 'ProductVideos',
    google_mappings: 'GoogleProductSearchMappings',
  },
  Customers: { addresses: 'CustomerAddresses' },
  Countries: { states: 'CountryStates' },
  Options: { values: 'OptionValues' },
  OptionSets: { options: 'OptionSetOptions' },
};
