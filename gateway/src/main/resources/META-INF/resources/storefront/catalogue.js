// The catalogue: search, the product cards (price, promotions, reviews, stock at my store) and each
// product's stock in the stores nearby.
import { busy, h, itemsOf, money, notify, show, storeName } from '/js/app.js';
import { addToCart } from '/storefront/cart.js';
import { $, api, notice, state } from '/storefront/page.js';
import { productReviews } from '/storefront/reviews.js';
import { wish } from '/storefront/wishlist.js';

const NEARBY_KM = 50;
const reviewContext = { api: (...args) => api(...args), notice, signedIn: () => state.signedIn };

export async function search(q) {
  const ticket = ++state.searches;
  const found = itemsOf(await api('/products', { query: { q, size: 50 } }));
  if (ticket !== state.searches) return; // a later search answers instead
  state.products = found;
  renderProducts();
}

export function productName(sku) {
  return state.products.find(p => p.sku === sku)?.name ?? sku;
}

export function availableAt(product, storeId) {
  return (product.availability ?? []).find(a => a.storeId === storeId)?.available ?? 0;
}

export function renderProducts() {
  const grid = $('products');
  show(grid, state.products.length ? state.products.map(productCard) : h('p', { class: 'empty' }, 'No product matches.'));
  grid.dataset.rendered = String(Number(grid.dataset.rendered ?? 0) + 1);
}

function priceOf(product) {
  const promo = product.promotionalPrice;
  return h('div', { class: 'price' },
    promo != null && promo < product.price
      ? [h('del', {}, money(product.price, product.currency)), h('span', { class: 'promo-price' }, money(promo, product.currency))]
      : money(product.price, product.currency));
}

function productCard(product) {
  const here = availableAt(product, state.storeId);
  const nearby = h('div', { class: 'nearby-area' });
  return h('article', { class: 'card product', dataset: { sku: product.sku } },
    h('div', { class: 'name' }, product.name),
    h('small', {}, product.sku),
    h('div', { class: 'desc' }, product.description),
    priceOf(product),
    (product.promotions ?? []).map(p => h('div', {}, h('span', { class: 'badge promo' }, p.name))),
    productReviews(product, reviewContext),
    h('div', { class: `availability here${here > 0 ? '' : ' none'}`, dataset: { storeId: state.storeId, available: here } },
      `${storeName(state.stores, state.storeId)}: `, h('span', { class: 'count' }, here > 0 ? `${here} available` : 'out of stock')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'add-to-cart', onclick: e => busy(e.target, notice, () => addToCart(product)) }, 'Add to cart'),
      state.signedIn && h('button', {
        type: 'button', class: 'secondary wish', onclick: e => busy(e.target, notice, () => wish(product)),
      }, '♡ Wishlist'),
      h('button', {
        type: 'button', class: 'secondary nearby-toggle', onclick: e => busy(e.target, notice, () => showNearby(product, nearby)),
      }, 'Stock nearby')),
    nearby);
}

/** The product page: its availability at my store and in the stores around it, nearest first. */
async function showNearby(product, area) {
  const store = state.stores.find(s => s.id === state.storeId);
  const [, around] = await Promise.all([
    api(`/products/${encodeURIComponent(product.sku)}`),
    api(`/products/${encodeURIComponent(product.sku)}/availability`,
      { query: { lat: store.location.lat, lon: store.location.lon, radiusKm: NEARBY_KM } }),
  ]);
  const here = around.find(a => a.storeId === state.storeId)?.available ?? 0;
  show(area,
    h('ul', { class: 'nearby' }, around.map(a => h('li', { dataset: { storeId: a.storeId, available: a.available } },
      h('span', {}, a.name ?? storeName(state.stores, a.storeId), a.storeId === state.storeId ? ' (my store)' : '',
        a.type === 'warehouse' ? ' · warehouse' : ''),
      h('span', {}, a.distanceKm != null ? `${a.distanceKm} km · ` : '', h('strong', {}, `${a.available}`), ' available')))),
    here === 0 && state.signedIn && h('button', {
      type: 'button', class: 'small secondary alert',
      onclick: e => busy(e.target, notice, async () => {
        await api('/me/alerts', { method: 'POST', body: { sku: product.sku, storeId: state.storeId } });
        notify(notice, `We will tell you when ${product.name} is back at ${storeName(state.stores, state.storeId)}.`);
      }),
    }, 'Tell me when it is back at my store'));
}
