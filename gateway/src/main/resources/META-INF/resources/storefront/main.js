// The storefront, and the mobile web view of the same shop: ?layout=mobile (or a narrow screen when
// the page opens) signs in with the mobile-app client, so the gateway sees the channel "mobile".
// Everything shown comes from the public API; the personalized view (/me/view) is the same on both.
// This module signs in, wires the forms and opens the page; each section is a module of its own.
import { apiClient, busy, notify, signIn, tokenOf } from '/js/app.js';
import { savePreferences } from '/storefront/account.js';
import { renderCart } from '/storefront/cart.js';
import { search } from '/storefront/catalogue.js';
import { loadGuestCart, mergeGuestCart } from '/storefront/guest-cart.js';
import { renderIdentity, renderStores, wireHeader } from '/storefront/header.js';
import { sendMessage } from '/storefront/messages.js';
import { $, api, CHOSEN_STORE, GUEST_CART, mobile, notice, params, state, useApi } from '/storefront/page.js';
import { reserveCart } from '/storefront/pickups.js';
import { openTab } from '/storefront/tabs.js';
import { loadView } from '/storefront/view.js';

const CLIENT = mobile ? 'mobile-app' : 'storefront';

document.body.classList.toggle('mobile', mobile);

start().catch(error => notify(notice, error, 'error'));

async function start() {
  try {
    state.keycloak = await signIn(CLIENT, 'check-sso');
    state.signedIn = state.keycloak.authenticated === true;
    useApi(apiClient(tokenOf(state.keycloak)));
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
