// Runs in the storefront admin widget.
$.ajax({
  url: 'https://store-abc123.mybigcommerce.com/api/v2/products/count.json',
  username: 'widget',
  password: window.BC_KEY,
  success: (data) => render(data.count),
});

const xhr = new XMLHttpRequest();
xhr.open('GET', 'https://store-abc123.mybigcommerce.com/api/v2/orders/count', true, 'widget', window.BC_KEY);
xhr.send();
