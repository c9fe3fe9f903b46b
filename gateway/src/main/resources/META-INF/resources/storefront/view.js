// The personalized view (/me/view, the same on the web and in the app): what it holds refreshes the
// cart, the header and the unread badge; what a late service left out is named plainly.
import { h, money, show, when } from '/js/app.js';
import { renderCart } from '/storefront/cart.js';
import { renderIdentity } from '/storefront/header.js';
import { $, api, state } from '/storefront/page.js';

const WHAT_IS_MISSING = {
  customer: 'your profile, cart and wishlist',
  inventory: 'prices, offers, stock and your pickups',
  messaging: 'your conversation and notifications',
};

export async function loadView() {
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
