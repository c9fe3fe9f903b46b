// The page a shelf's QR code opens on the customer's phone (journey 3): /storefront/qr.html?sku=&storeId=
// shows the product (description, price for this customer, availability in this store and the stores
// nearby) with its reviews; a signed-in customer who bought it can review it here.
import { apiClient, busy, h, money, notify, show, signIn, tokenOf } from '/js/app.js';
import { reviewsSection } from '/storefront/reviews.js';

const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
const layout = params.get('layout');
const mobile = layout === 'mobile' || (layout !== 'web' && matchMedia('(max-width: 640px)').matches);
const notice = $('notice');
const state = { keycloak: null, signedIn: false };
let api = apiClient(null);

document.body.classList.toggle('mobile', mobile);
start().catch(error => notify(notice, error, 'error'));

async function start() {
  const sku = params.get('sku');
  const storeId = params.get('storeId') ?? 'paris-louvre';
  if (!sku) throw new Error('This QR code names no product.');
  try {
    state.keycloak = await signIn(mobile ? 'mobile-app' : 'storefront', 'check-sso');
    state.signedIn = state.keycloak.authenticated === true;
    api = apiClient(tokenOf(state.keycloak));
  } catch (error) {
    notify(notice, `Sign-in is unavailable right now (${error.message ?? error}); you can still read this page.`, 'error');
  }
  $('sign-in').hidden = state.signedIn || !state.keycloak;
  $('sign-in').addEventListener('click', () => state.keycloak?.login());
  show($('channel'), state.signedIn ? (mobile ? 'mobile' : 'web') : 'guest');
  show($('who'), state.signedIn ? state.keycloak.tokenParsed?.preferred_username ?? '' : '');
  $('shop').href = `/storefront/?q=${encodeURIComponent(sku)}${mobile ? '&layout=mobile' : ''}`;
  const page = await api(`/qr/${encodeURIComponent(sku)}`, { query: { storeId } });
  renderProduct(page);
  await busy(null, notice, () => reviewsSection($('reviews'), page,
    { api: (...args) => api(...args), notice, signedIn: () => state.signedIn }));
}

function renderProduct(page) {
  const unit = page.unitPrice ?? page.promotionalPrice ?? page.price;
  const here = page.store ?? {};
  document.title = `${page.name} — Omnichannel Outdoor`;
  show($('product'),
    h('h1', { class: 'name' }, page.name),
    h('small', {}, page.sku),
    h('p', { class: 'desc' }, page.description),
    h('div', { class: 'price' }, unit != null && unit < page.price
      ? [h('del', {}, money(page.price, page.currency)), h('span', { class: 'promo-price' }, money(unit, page.currency))]
      : money(page.price, page.currency)),
    (page.promotions ?? []).map(p => h('div', {}, h('span', { class: 'badge promo' }, p.name))),
    h('div', { class: `availability here${here.available > 0 ? '' : ' none'}`, dataset: { storeId: here.storeId, available: here.available } },
      `${here.name ?? here.storeId}: `, h('span', { class: 'count' }, here.available > 0 ? `${here.available} on the shelf` : 'not on the shelf')),
    (page.nearby ?? []).length > 0 && h('ul', { class: 'nearby' }, page.nearby.map(a => h('li', { dataset: { storeId: a.storeId } },
      h('span', {}, a.name ?? a.storeId), h('span', {}, a.distanceKm != null ? `${a.distanceKm} km · ` : '', h('strong', {}, String(a.available)), ' available')))));
  $('product').dataset.sku = page.sku;
}
