// What every section of the back office shares: the page's state, the API caller (set once signed
// in) and the notice area.
export const $ = id => document.getElementById(id);

export const notice = $('notice');
export const state = { keycloak: null, staff: false, admin: false, storeId: null, stores: [], products: [], customer: null, results: [], timelinePage: 0 };
/** The caller of the public API, with the token of whoever signed in; main sets it (useApi) before any call. */
export let api;

export function useApi(client) {
  api = client;
}
