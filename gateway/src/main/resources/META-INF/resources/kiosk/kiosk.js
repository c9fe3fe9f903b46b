// The in-store kiosk of one store. It holds no client secret: it presents its device key to the
// gateway (POST /kiosk/session) and gets a short-lived kiosk token, whose store_id claim is the
// store it acts for; with that token it calls the public API like any kiosk.
import { apiClient, busy, h, itemsOf, money, notify, show, storeName, when } from '/js/app.js';
import { showCustomerInbox } from '/kiosk/inbox.js';
import { productReviews } from '/storefront/reviews.js';

const $ = id => document.getElementById(id);
const DEVICE_KEY = 'omni.kiosk.device-key';
const NEARBY_KM = 200;
const RENEW_BEFORE_MS = 60_000;

const notice = $('notice');
const state = { session: null, stores: [], products: [], customer: null, ordering: null, searches: 0, renewal: null };
const api = apiClient(token);

wire();
start().catch(error => notify(notice, error, 'error'));

async function start() {
  if (!localStorage.getItem(DEVICE_KEY)) {
    showSetup();
    return;
  }
  await token();
  state.stores = await api('/stores');
  const store = state.stores.find(s => s.id === state.session.storeId);
  show($('store'), store?.name ?? state.session.storeId);
  $('store').dataset.storeId = state.session.storeId;
  show($('deliver-store-label'), `this store (${store?.name ?? state.session.storeId})`);
  show($('welcome'), `Welcome to ${store?.name ?? 'our store'}`);
  $('setup').hidden = true;
  $('kiosk').hidden = false;
  $('forget').hidden = false;
  renderCustomer();
  await search('');
}

/** The kiosk token, renewed at the gateway a minute before it expires (one renewal at a time). */
async function token() {
  if (!state.session || state.session.expiresAt - Date.now() < RENEW_BEFORE_MS) {
    state.renewal ??= openSession().finally(() => { state.renewal = null; });
    state.session = await state.renewal;
  }
  return state.session.accessToken;
}

async function openSession() {
  const response = await fetch('/kiosk/session', {
    method: 'POST', headers: { Accept: 'application/json', 'X-Kiosk-Device-Key': localStorage.getItem(DEVICE_KEY) ?? '' },
  });
  if (response.status === 401) {
    localStorage.removeItem(DEVICE_KEY);
    showSetup();
    throw new Error('The gateway did not accept this kiosk\'s device key: pair it again.');
  }
  if (!response.ok) throw new Error(`No kiosk session right now (HTTP ${response.status}); try again shortly.`);
  const session = await response.json();
  return { accessToken: session.accessToken, expiresAt: Date.parse(session.expiresAt), storeId: session.storeId };
}

function showSetup() {
  $('setup').hidden = false;
  $('kiosk').hidden = true;
  $('forget').hidden = true;
}

function wire() {
  $('pair').addEventListener('submit', event => {
    event.preventDefault();
    localStorage.setItem(DEVICE_KEY, $('device-key').value.trim());
    $('device-key').value = '';
    state.session = null;
    busy(event.submitter, notice, async () => {
      await start();
      notify(notice, 'This kiosk is paired.');
    });
  });
  $('forget').addEventListener('click', () => {
    localStorage.removeItem(DEVICE_KEY);
    state.session = null;
    showSetup();
  });
  $('search').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, () => search($('q').value.trim()));
  });
  $('identify').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, identify);
  });
  $('order').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, placeOrder);
  });
  $('cancel-order').addEventListener('click', () => { $('order-card').hidden = true; });
  for (const radio of document.querySelectorAll('input[name=deliver]')) {
    radio.addEventListener('change', () => { $('address').hidden = deliverTo() !== 'home'; });
  }
  $('lookup').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, lookUp);
  });
}

// ---------------------------------------------------------------- availability here and nearby

async function search(q) {
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

// ---------------------------------------------------------------- the customer at the kiosk

async function identify() {
  const type = $('identity-type').value;
  const value = $('identity-value').value.trim();
  const found = itemsOf(await api('/customers', { query: { identity: `${type}:${value}` } }));
  state.customer = found[0] ?? null;
  renderCustomer();
  if (!state.customer) notify(notice, 'No customer found with that phone number or card.', 'error');
  else $('identity-value').value = '';
}

function renderCustomer() {
  const area = $('customer');
  $('identify').hidden = state.customer !== null;
  showCustomerInbox($('inbox-card'), api, state.customer, notice).catch(error => notify(notice, error, 'error'));
  if (!state.customer) {
    show(area, h('p', { class: 'muted' }, 'Identify yourself with your phone number or loyalty card to order.'));
    return;
  }
  show(area, h('div', { class: 'customer-chip', dataset: { customerId: state.customer.id } },
    h('span', {}, 'Hello ', h('strong', {}, state.customer.displayName ?? 'there')),
    h('button', { type: 'button', class: 'small secondary', onclick: () => {
      state.customer = null;
      renderCustomer();
    } }, 'Done')));
}

// ---------------------------------------------------------------- endless aisle

function deliverTo() {
  return document.querySelector('input[name=deliver]:checked').value;
}

function startOrder(product) {
  state.ordering = product;
  show($('order-what'), h('strong', {}, product.name), ` (${product.sku}) — ${money(product.promotionalPrice ?? product.price)} each`);
  show($('order-result'));
  $('order').hidden = false;
  $('order-card').hidden = false;
  $('order-card').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  if (!state.customer) {
    notify(notice, 'Identify the customer first (phone or loyalty card).', 'error');
    $('identity-value').focus();
  }
}

async function placeOrder() {
  if (!state.customer) {
    notify(notice, 'Identify the customer first (phone or loyalty card).', 'error');
    return;
  }
  const form = $('order');
  const destination = deliverTo() === 'home'
    ? {
      address: {
        street: form.street.value.trim(), postalCode: form.postalCode.value.trim(),
        city: form.city.value.trim(), country: form.country.value.trim().toUpperCase(),
      },
    }
    : { storeId: state.session.storeId };
  const order = await api('/orders', {
    method: 'POST',
    body: {
      customerId: state.customer.id,
      lines: [{ sku: state.ordering.sku, quantity: Number($('order-quantity').value) }],
      deliverTo: destination,
    },
  });
  form.hidden = true;
  show($('order-result'), h('div', { class: 'notice', dataset: { orderId: order.id, status: order.status } },
    h('strong', {}, `Order placed (${order.status}).`), ' ',
    destination.storeId ? `It will be delivered to ${storeName(state.stores, destination.storeId)}.` : 'It will be delivered to your home.',
    h('ul', { class: 'list allocations' }, (order.allocations ?? []).map(a => h('li', { dataset: { storeId: a.storeId, sku: a.sku } },
      `${a.quantity} × ${a.sku} from ${storeName(state.stores, a.storeId)}`))),
    h('small', {}, `Order ${order.id}`)));
  await search($('q').value.trim());
}

// ---------------------------------------------------------------- click & collect at this store

async function lookUp() {
  const pickupCode = $('pickup-code').value.trim().toUpperCase();
  const found = itemsOf(await api('/reservations', { query: { storeId: state.session.storeId, pickupCode } }));
  renderReservation(found[0] ?? null, pickupCode);
}

function renderReservation(reservation, pickupCode) {
  const area = $('reservation');
  if (!reservation) {
    show(area, h('p', { class: 'empty' }, `No reservation with code ${pickupCode} at this store.`));
    return;
  }
  const collectable = reservation.status === 'CONFIRMED' || reservation.status === 'READY';
  show(area, h('div', { class: 'stack', dataset: { reservationId: reservation.id, status: reservation.status } },
    h('div', { class: 'line' }, h('span', { class: 'pickup-code' }, reservation.pickupCode), h('span', { class: 'badge' }, reservation.status)),
    h('ul', { class: 'list' }, (reservation.lines ?? []).map(l => h('li', {},
      `${l.quantity} × ${state.products.find(p => p.sku === l.sku)?.name ?? l.sku} (${l.sku})`))),
    h('small', {}, `Held until ${when(reservation.expiresAt)}`),
    collectable && h('button', {
      type: 'button', onclick: e => busy(e.target, notice, async () => {
        const collected = await api(`/reservations/${reservation.id}/collect`, { method: 'POST', body: { pickupCode: reservation.pickupCode } });
        renderReservation(collected, pickupCode);
        notify(notice, 'Handed over. Enjoy!');
      }),
    }, 'Hand over to the customer')));
}
