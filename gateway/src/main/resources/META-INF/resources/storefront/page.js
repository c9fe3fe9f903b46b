// What every section of the storefront shares: the layout (web, or the mobile web view), the page's
// state, the API caller (anonymous until sign-in) and the notice area.
import { apiClient } from '/js/app.js';

export const $ = id => document.getElementById(id);
export const params = new URLSearchParams(location.search);
const layout = params.get('layout');
export const mobile = layout === 'mobile' || (layout !== 'web' && matchMedia('(max-width: 640px)').matches);
export const GUEST_CART = 'omni.storefront.guest-cart';
export const CHOSEN_STORE = 'omni.storefront.store';

export const state = {
  keycloak: null, signedIn: false, stores: [], products: [], view: null, me: null, storeId: null,
  conversationId: null, guestCart: null, searches: 0,
};
/** The caller of the public API; every module sees the signed-in one once useApi has set it. */
export let api = apiClient(null);
export const notice = $('notice');

export function useApi(client) {
  api = client;
}
