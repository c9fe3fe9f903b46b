// The cart: the same on the web and in the app (the customer's, or a guest's until sign-in), its
// lines with the stock at my store, and the total.
import { busy, h, money, notify, show, storeName } from '/js/app.js';
import { availableAt } from '/storefront/catalogue.js';
import { guestCartItem } from '/storefront/guest-cart.js';
import { $, api, notice, state } from '/storefront/page.js';
import { loadView } from '/storefront/view.js';
import { renderWishlist } from '/storefront/wishlist.js';

export function cartItems() {
  return state.signedIn ? state.view?.cart?.items ?? [] : state.guestCart?.items ?? [];
}

export async function addToCart(product) {
  const current = cartItems().find(i => i.sku === product.sku)?.quantity ?? 0;
  await setQuantity(product.sku, current + 1);
  notify(notice, `${product.name} is in your cart.`);
}

async function setQuantity(sku, quantity) {
  if (state.signedIn) {
    if (quantity <= 0) await api(`/me/cart/items/${encodeURIComponent(sku)}`, { method: 'DELETE' });
    else await api(`/me/cart/items/${encodeURIComponent(sku)}`, { method: 'PUT', body: { quantity } });
    await loadView();
  } else {
    await guestCartItem(sku, Math.max(0, quantity));
  }
}

export function renderCart() {
  const items = cartItems();
  const count = items.reduce((sum, i) => sum + i.quantity, 0);
  show($('cart-count'), String(count));
  const list = $('cart');
  if (!items.length) {
    show(list, h('li', { class: 'empty' }, 'Your cart is empty.'));
  } else {
    show(list, items.map(item => {
      const product = state.products.find(p => p.sku === item.sku);
      const unit = item.unitPrice ?? product?.promotionalPrice ?? product?.price;
      const availableHere = item.availableAtPreferredStoreQuantity ?? (product ? availableAt(product, state.storeId) : null);
      return h('li', { class: 'line', dataset: { sku: item.sku, quantity: item.quantity } },
        h('div', {},
          h('div', { class: 'name' }, item.name ?? product?.name ?? item.sku),
          h('small', {}, `${money(unit, item.currency ?? 'EUR')} each`),
          availableHere != null && h('div', {
            class: `availability${availableHere >= item.quantity ? '' : ' none'}`, dataset: { available: availableHere },
          }, `${storeName(state.stores, state.storeId)}: `, h('span', { class: 'count' }, `${availableHere} available`))),
        h('div', { class: 'qty' },
          h('button', { type: 'button', class: 'small secondary', 'aria-label': 'one less',
            onclick: e => busy(e.target, notice, () => setQuantity(item.sku, item.quantity - 1)) }, '−'),
          h('output', {}, String(item.quantity)),
          h('button', { type: 'button', class: 'small secondary', 'aria-label': 'one more',
            onclick: e => busy(e.target, notice, () => setQuantity(item.sku, item.quantity + 1)) }, '+'),
          h('button', { type: 'button', class: 'small danger', onclick: e => busy(e.target, notice, () => setQuantity(item.sku, 0)) },
            'Remove')));
    }));
  }
  const total = items.reduce((sum, i) => {
    const product = state.products.find(p => p.sku === i.sku);
    return sum + (i.unitPrice ?? product?.promotionalPrice ?? product?.price ?? 0) * i.quantity;
  }, 0);
  show($('cart-total'), items.length ? [h('span', {}, 'Total'), h('strong', {}, money(total))] : []);
  const reserve = $('reserve');
  reserve.hidden = !state.signedIn || !items.length;
  show(reserve, `Reserve for pickup at ${storeName(state.stores, state.storeId)}`);
  if (!state.signedIn && items.length) {
    list.append(h('li', { class: 'muted' }, 'Sign in to reserve: your cart comes with you.'));
  }
  renderWishlist();
}
