// Availability here and nearby: search, the product cards (price, promotions, reviews, stock on this
// store's shelf) and each product's stock in the other locations around this store.
import { busy, h, itemsOf, money, show, storeName } from '/js/app.js';
import { startOrder } from '/kiosk/order.js';
import { $, api, notice, state } from '/kiosk/page.js';
import { productReviews } from '/storefront/reviews.js';

const NEARBY_KM = 200;

export async function search(q) {
  const ticket = ++state.searches;
  const found = itemsOf(await api('/products', { query: { q, size: 50 } }));
  if (ticket !== state.searches) return; // a later search answers instead
  state.products = found;
  const grid = $('products');
  show(grid, found.length ? found.map(productCard) : h('p', { class: 'empty' }, 'No product matches.'));
  grid.dataset.query = q;
  grid.dataset.rendered = String(Number(grid.dataset.rendered ?? 0) + 1);
}

function productCard(product) {
  const here = (product.availability ?? []).find(a => a.storeId === state.session.storeId)?.available ?? 0;
  const nearby = h('div', { class: 'nearby-area' });
  const promo = product.promotionalPrice;
  return h('article', { class: 'card product', dataset: { sku: product.sku } },
    h('div', { class: 'name' }, product.name),
    h('small', {}, product.sku),
    h('div', { class: 'price' }, promo != null && promo < product.price
      ? [h('del', {}, money(product.price)), h('span', { class: 'promo-price' }, money(promo))]
      : money(product.price)),
    (product.promotions ?? []).map(p => h('div', {}, h('span', { class: 'badge promo' }, p.name))),
    productReviews(product, { api, notice, signedIn: () => false }),
    h('div', { class: `availability here${here > 0 ? '' : ' none'}`, dataset: { storeId: state.session.storeId, available: here } },
      'Here: ', h('span', { class: 'count' }, here > 0 ? `${here} on the shelf` : 'not on the shelf')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary nearby-toggle', onclick: e => busy(e.target, notice, () => showNearby(product, nearby)) },
        'Other stores'),
      h('button', { type: 'button', class: here > 0 ? 'secondary order-it' : 'order-it', onclick: () => startOrder(product) },
        here > 0 ? 'Order for delivery' : 'Order it from another location')),
    nearby);
}

async function showNearby(product, area) {
  const store = state.stores.find(s => s.id === state.session.storeId);
  const around = await api(`/products/${encodeURIComponent(product.sku)}/availability`,
    { query: { lat: store.location.lat, lon: store.location.lon, radiusKm: NEARBY_KM } });
  show(area, h('ul', { class: 'nearby' }, around.map(a => h('li', { dataset: { storeId: a.storeId, available: a.available } },
    h('span', {}, a.name ?? storeName(state.stores, a.storeId), a.storeId === state.session.storeId ? ' (here)' : '',
      a.type === 'warehouse' ? ' · warehouse' : ''),
    h('span', {}, a.distanceKm != null ? `${a.distanceKm} km · ` : '', h('strong', {}, String(a.available)), ' available')))));
}
