// The wishlist: a signed-in customer's, on every device.
import { busy, h, notify, show } from '/js/app.js';
import { addToCart } from '/storefront/cart.js';
import { $, api, notice, state } from '/storefront/page.js';
import { loadView } from '/storefront/view.js';

export async function wish(product) {
  await api(`/me/wishlist/${encodeURIComponent(product.sku)}`, { method: 'PUT' });
  await loadView();
  notify(notice, `${product.name} is on your wishlist.`);
}

export function renderWishlist() {
  const list = $('wishlist');
  const items = state.view?.wishlist ?? [];
  if (!state.signedIn) {
    show(list, h('li', { class: 'empty' }, 'Sign in to keep a wishlist on every device.'));
    return;
  }
  if (!items.length) {
    show(list, h('li', { class: 'empty' }, 'Nothing on your wishlist yet.'));
    return;
  }
  show(list, items.map(item => {
    const product = state.products.find(p => p.sku === item.sku);
    return h('li', { class: 'line', dataset: { sku: item.sku } },
      h('span', {}, product?.name ?? item.sku),
      h('span', { class: 'row' },
        product && h('button', { type: 'button', class: 'small', onclick: e => busy(e.target, notice, () => addToCart(product)) },
          'Add to cart'),
        h('button', { type: 'button', class: 'small danger', onclick: e => busy(e.target, notice, async () => {
          await api(`/me/wishlist/${encodeURIComponent(item.sku)}`, { method: 'DELETE' });
          await loadView();
        }) }, 'Remove')));
  }));
}
