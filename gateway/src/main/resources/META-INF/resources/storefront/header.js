// The header: who is signed in, the channel the gateway sees, and my store.
import { busy, h, show } from '/js/app.js';
import { renderCart } from '/storefront/cart.js';
import { renderProducts } from '/storefront/catalogue.js';
import { $, api, CHOSEN_STORE, mobile, notice, state } from '/storefront/page.js';
import { loadView } from '/storefront/view.js';

export function wireHeader() {
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

export function renderIdentity() {
  $('sign-in').hidden = state.signedIn || !state.keycloak;
  $('sign-out').hidden = !state.signedIn;
  const channel = state.signedIn ? state.view?.channel ?? '' : 'guest';
  show($('channel'), mobile ? `mobile layout · ${channel}` : channel);
  $('channel').dataset.channel = channel;
  show($('who'), state.signedIn ? (state.view?.customer?.displayName ?? state.keycloak.tokenParsed?.preferred_username) : '');
}

export function renderStores() {
  const shops = state.stores.filter(s => (s.capabilities ?? []).includes('sells') || s.type === 'store');
  const options = shops.map(s => h('option', { value: s.id, selected: s.id === state.storeId }, s.name));
  show($('store'), options);
  const preferred = document.querySelector('#preferences [name=preferredStoreId]');
  show(preferred, shops.map(s => h('option', { value: s.id }, s.name)));
}
