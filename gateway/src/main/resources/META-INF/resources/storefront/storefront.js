// The storefront, and the mobile web view of the same shop: ?layout=mobile (or a narrow screen when
// the page opens) signs in with the mobile-app client, so the gateway sees the channel "mobile".
// Everything shown comes from the public API; the personalized view (/me/view) is the same on both.
import {
  apiClient, busy, h, itemsOf, money, notify, show, signIn, storeName, tabs, tokenOf, when,
} from '/js/app.js';
import { renderInbox } from '/storefront/inbox.js';
import { productReviews } from '/storefront/reviews.js';

const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
const layout = params.get('layout');
const mobile = layout === 'mobile' || (layout !== 'web' && matchMedia('(max-width: 640px)').matches);
const CLIENT = mobile ? 'mobile-app' : 'storefront';
const NEARBY_KM = 50;
const GUEST_CART = 'omni.storefront.guest-cart';
const CHOSEN_STORE = 'omni.storefront.store';
const WHAT_IS_MISSING = {
  customer: 'your profile, cart and wishlist',
  inventory: 'prices, offers, stock and your pickups',
  messaging: 'your conversation and notifications',
};

const state = {
  keycloak: null, signedIn: false, stores: [], products: [], view: null, me: null, storeId: null,
  conversationId: null, guestCart: null, searches: 0,
};
let api = apiClient(null);
const notice = $('notice');
const reviewContext = { api: (...args) => api(...args), notice, signedIn: () => state.signedIn };
const openTab = tabs($('tabs'), name => refresh(name));

document.body.classList.toggle('mobile', mobile);

start().catch(error => notify(notice, error, 'error'));

async function start() {
  try {
    state.keycloak = await signIn(CLIENT, 'check-sso');
    state.signedIn = state.keycloak.authenticated === true;
    api = apiClient(tokenOf(state.keycloak));
  } catch (error) {
    notify(notice, `Sign-in is unavailable right now (${error.message ?? error}); you can still browse.`, 'error');
  }
  wireHeader();
  wireForms();
  state.stores = await api('/stores');
  state.storeId = localStorage.getItem(CHOSEN_STORE) || 'paris-louvre';
  if (state.signedIn) {
    await mergeGuestCart();
    await loadView();
  } else {
    state.guestCart = JSON.parse(localStorage.getItem(GUEST_CART) || 'null');
    await loadGuestCart();
  }
  renderStores();
  renderIdentity();
  $('q').value = params.get('q') ?? '';
  await search($('q').value.trim());
  renderCart();
  openTab(params.get('tab') ?? 'shop');
}

// ---------------------------------------------------------------- header: who, channel, my store

function wireHeader() {
  $('sign-in').addEventListener('click', () => state.keycloak?.login());
  $('sign-out').addEventListener('click', () => state.keycloak?.logout({ redirectUri: location.href }));
  $('store').addEventListener('change', async event => {
    const storeId = event.target.value;
    localStorage.setItem(CHOSEN_STORE, storeId);
    if (state.signedIn) {
      await busy(event.target, notice, async () => {
        await api('/me/preferences', { method: 'PATCH', body: { preferredStoreId: storeId } });
        await loadView();
      });
    }
    state.storeId = storeId;
    renderProducts();
    renderCart();
  });
}

function renderIdentity() {
  $('sign-in').hidden = state.signedIn || !state.keycloak;
  $('sign-out').hidden = !state.signedIn;
  const channel = state.signedIn ? state.view?.channel ?? '' : 'guest';
  show($('channel'), mobile ? `mobile layout · ${channel}` : channel);
  $('channel').dataset.channel = channel;
  show($('who'), state.signedIn ? (state.view?.customer?.displayName ?? state.keycloak.tokenParsed?.preferred_username) : '');
}

function renderStores() {
  const shops = state.stores.filter(s => (s.capabilities ?? []).includes('sells') || s.type === 'store');
  const options = shops.map(s => h('option', { value: s.id, selected: s.id === state.storeId }, s.name));
  show($('store'), options);
  const preferred = document.querySelector('#preferences [name=preferredStoreId]');
  show(preferred, shops.map(s => h('option', { value: s.id }, s.name)));
}

// ---------------------------------------------------------------- the personalized view

async function loadView() {
  state.view = await api('/me/view');
  const preferred = state.view.customer?.preferredStoreId ?? state.view.cart?.preferredStoreId;
  if (preferred) state.storeId = preferred;
  renderPartial();
  renderOffers();
  renderCart();
  renderIdentity();
  const unread = (state.view.conversation?.unread ?? 0) + (state.view.notifications?.unread ?? 0);
  $('unread').hidden = unread === 0;
  show($('unread'), String(unread));
}

/** When a service did not answer in time the view says so: name plainly what is missing. */
function renderPartial() {
  const banner = $('partial');
  const missing = state.view?.partial ? state.view.missing ?? [] : [];
  banner.hidden = missing.length === 0;
  if (missing.length) {
    show(banner,
      h('strong', {}, 'Some of your information is not available right now.'),
      h('span', {}, `Missing: ${missing.map(m => `${m} (${WHAT_IS_MISSING[m] ?? m})`).join(', ')}. `
        + 'What you see may be incomplete; try again in a moment.'));
    banner.dataset.missing = missing.join(',');
  }
}

function renderOffers() {
  const offers = state.view?.offers ?? [];
  const card = $('offers');
  card.hidden = offers.length === 0;
  show(card, h('h2', {}, 'Offers for you'),
    h('ul', { class: 'list' }, offers.map(o => h('li', { dataset: { offer: o.id } },
      h('span', { class: 'badge promo' }, o.kind === 'percentage' ? `−${o.value} %` : `−${money(o.value)}`), ' ',
      o.name, o.to ? h('small', {}, ` · until ${when(o.to)}`) : ''))));
}

// ---------------------------------------------------------------- catalogue

function wireForms() {
  $('search').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, () => search($('q').value.trim()));
  });
  $('reserve').addEventListener('click', event => busy(event.target, notice, reserveCart));
  $('write').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, sendMessage);
  });
  $('preferences').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, savePreferences);
  });
}

async function search(q) {
  const ticket = ++state.searches;
  const found = itemsOf(await api('/products', { query: { q, size: 50 } }));
  if (ticket !== state.searches) return; // a later search answers instead
  state.products = found;
  renderProducts();
}

function productName(sku) {
  return state.products.find(p => p.sku === sku)?.name ?? sku;
}

function availableAt(product, storeId) {
  return (product.availability ?? []).find(a => a.storeId === storeId)?.available ?? 0;
}

function renderProducts() {
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

// ---------------------------------------------------------------- cart and wishlist

function cartItems() {
  return state.signedIn ? state.view?.cart?.items ?? [] : state.guestCart?.items ?? [];
}

async function addToCart(product) {
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

async function wish(product) {
  await api(`/me/wishlist/${encodeURIComponent(product.sku)}`, { method: 'PUT' });
  await loadView();
  notify(notice, `${product.name} is on your wishlist.`);
}

function renderCart() {
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

function renderWishlist() {
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

// A guest's cart lives in the API too (POST /carts); at sign-in it joins the customer's cart.
async function guestCartItem(sku, quantity) {
  if (!state.guestCart) {
    const created = await api('/carts', { method: 'POST' });
    state.guestCart = { id: created.id, cartToken: created.cartToken, items: [] };
  }
  const cart = await api(`/carts/${state.guestCart.id}/items/${encodeURIComponent(sku)}`, {
    method: 'PUT', body: { quantity }, headers: { 'X-Cart-Token': state.guestCart.cartToken },
  });
  state.guestCart.items = cart.items ?? [];
  localStorage.setItem(GUEST_CART, JSON.stringify(state.guestCart));
  renderCart();
}

async function loadGuestCart() {
  if (!state.guestCart) return;
  try {
    const cart = await api(`/carts/${state.guestCart.id}`, { headers: { 'X-Cart-Token': state.guestCart.cartToken } });
    state.guestCart.items = cart.items ?? [];
  } catch {
    state.guestCart = null;
    localStorage.removeItem(GUEST_CART);
  }
}

async function mergeGuestCart() {
  const guest = JSON.parse(localStorage.getItem(GUEST_CART) || 'null');
  if (!guest) return;
  localStorage.removeItem(GUEST_CART);
  try {
    await api('/me/cart/merge', { method: 'POST', body: { cartId: guest.id, cartToken: guest.cartToken } });
    notify(notice, 'The cart you filled before signing in is now in your cart.');
  } catch (error) {
    if (error.status !== 404 && error.status !== 409) throw error;
  }
}

// ---------------------------------------------------------------- click & collect

async function reserveCart() {
  const items = cartItems();
  const storeId = state.storeId;
  const reservation = await api('/reservations', {
    method: 'POST', body: { storeId, lines: items.map(i => ({ sku: i.sku, quantity: i.quantity })) },
  });
  for (const item of items) {
    await api(`/me/cart/items/${encodeURIComponent(item.sku)}`, { method: 'DELETE' });
  }
  await Promise.all([loadView(), search($('q').value.trim())]);
  openTab('reservations');
  notify(notice, `Reserved at ${storeName(state.stores, storeId)}. Your pickup code: ${reservation.pickupCode}`
    + ` (until ${when(reservation.expiresAt)}).`);
}

async function renderReservations() {
  const list = $('reservations');
  if (!state.signedIn) {
    show(list, h('li', { class: 'empty' }, 'Sign in to see your pickups.'));
    return;
  }
  const reservations = itemsOf(await api('/me/reservations', { query: { size: 50 } }))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  if (!reservations.length) {
    show(list, h('li', { class: 'empty' }, 'No pickup yet: fill your cart and reserve it at your store.'));
    return;
  }
  show(list, reservations.map(r => {
    const active = r.status === 'CONFIRMED' || r.status === 'READY';
    return h('li', { class: 'reservation', dataset: { id: r.id, status: r.status, storeId: r.storeId } },
      h('div', { class: 'line' },
        h('strong', {}, storeName(state.stores, r.storeId)),
        h('span', { class: 'badge' }, r.status)),
      active && h('div', {}, 'Pickup code ', h('span', { class: 'pickup-code' }, r.pickupCode)),
      active && h('small', {}, r.pickupWindow?.from
        ? `Collect from ${when(r.pickupWindow.from)} until ${when(r.expiresAt)}`
        : `Held until ${when(r.expiresAt)}`),
      h('div', {}, (r.lines ?? []).map(l => `${productName(l.sku)} × ${l.quantity}`).join(', '),
        r.total != null ? ` · ${money(r.total, r.currency ?? 'EUR')}` : ''),
      h('small', {}, `Reserved ${when(r.createdAt)}${r.channel ? ` on ${r.channel}` : ''}`),
      active && h('div', { class: 'row' }, h('button', {
        type: 'button', class: 'small danger', onclick: e => busy(e.target, notice, async () => {
          await api(`/reservations/${r.id}`, { method: 'DELETE' });
          await Promise.all([renderReservations(), loadView(), search($('q').value.trim())]);
          notify(notice, 'Reservation cancelled; the items are back on the shelf.');
        }),
      }, 'Cancel')));
  }));
}

// ---------------------------------------------------------------- conversation and notifications

async function renderMessages() {
  const list = $('messages');
  if (!state.signedIn) {
    show(list, h('li', { class: 'empty' }, 'Sign in to write to the store.'));
    $('write').hidden = true;
    return;
  }
  $('write').hidden = false;
  const conversations = itemsOf(await api('/me/conversations'));
  state.conversationId = conversations[0]?.id ?? null;
  $('subject').hidden = state.conversationId !== null;
  if (!state.conversationId) {
    show(list, h('li', { class: 'empty' }, 'No message yet.'));
  } else {
    const conversation = await api(`/me/conversations/${state.conversationId}`);
    show(list, (conversation.messages ?? []).map(m => h('li', { class: m.author === 'customer' ? 'mine' : '' },
      h('div', { class: 'meta' }, h('span', { class: `badge ${m.channel}` }, m.channel), m.author, ' · ', when(m.sentAt)),
      h('div', {}, m.text))));
  }
  await renderInbox($('notifications'), api, { notice, onRead: loadView });
}

async function sendMessage() {
  const text = $('text').value.trim();
  if (!text) return;
  if (state.conversationId) {
    await api(`/me/conversations/${state.conversationId}/messages`, { method: 'POST', body: { text } });
  } else {
    const subject = $('subject').value.trim() || 'A question';
    await api('/me/conversations', { method: 'POST', body: { subject, text } });
  }
  $('text').value = '';
  $('subject').value = '';
  await renderMessages();
}

// ---------------------------------------------------------------- preferences and consents

async function renderAccount() {
  const form = $('preferences');
  if (!state.signedIn) {
    form.hidden = true;
    show($('consents'), h('p', { class: 'empty' }, 'Sign in to see your preferences and consents.'));
    show($('identities'));
    return;
  }
  form.hidden = false;
  state.me = await api('/me');
  const p = state.me.preferences ?? {};
  form.preferredChannel.value = p.preferredChannel ?? 'email';
  form.preferredStoreId.value = p.preferredStoreId ?? state.storeId;
  form.language.value = p.language ?? 'en';
  form.timeZone.value = p.timeZone ?? '';
  form.quietStart.value = p.quietHours?.start ?? '';
  form.quietEnd.value = p.quietHours?.end ?? '';
  show($('consents'), ['email', 'sms', 'push', 'whatsapp'].map(channel => h('label', {},
    h('input', {
      type: 'checkbox', name: channel, checked: state.me.consents?.[channel] === true,
      onchange: e => busy(e.target, notice, async () => {
        await api(`/me/consents/${channel}`, { method: 'PUT', body: { granted: e.target.checked } });
        notify(notice, `${channel}: ${e.target.checked ? 'you agree to hear from us' : 'we will not write to you'} on this channel.`);
      }),
    }), channel)));
  show($('identities'), (state.me.identities ?? []).filter(i => i.type !== 'oidc')
    .map(i => h('li', {}, h('span', { class: 'badge' }, i.type), ' ', i.value)));
}

async function savePreferences() {
  const form = $('preferences');
  const quietHours = form.quietStart.value && form.quietEnd.value
    ? { start: form.quietStart.value, end: form.quietEnd.value } : {};
  await api('/me/preferences', {
    method: 'PATCH',
    body: {
      preferredChannel: form.preferredChannel.value, preferredStoreId: form.preferredStoreId.value,
      language: form.language.value, timeZone: form.timeZone.value || undefined, quietHours,
    },
  });
  localStorage.setItem(CHOSEN_STORE, form.preferredStoreId.value);
  await loadView();
  renderStores();
  renderProducts();
  notify(notice, 'Preferences saved.');
}

// ---------------------------------------------------------------- tabs

function refresh(tab) {
  const loaders = {
    cart: async () => renderCart(),
    reservations: renderReservations,
    messages: renderMessages,
    account: renderAccount,
  };
  loaders[tab]?.().catch(error => notify(notice, error, 'error'));
}
