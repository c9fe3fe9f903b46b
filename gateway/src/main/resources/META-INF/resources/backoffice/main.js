// The back office for store staff and administrators (Keycloak client backoffice). Anyone else who
// signs in is told the page is not for them and the page asks the API for nothing (it would answer 403).
// This module signs in, wires the forms and opens the first tab; each section is a module of its own.
import { apiClient, busy, itemsOf, notify, rolesOf, show, signIn, tabs, tokenOf } from '/js/app.js';
import { showAnalytics } from '/backoffice/analytics.js';
import { fillChoices } from '/backoffice/choices.js';
import { lookUp } from '/backoffice/customers.js';
import { merge, undo } from '/backoffice/merge.js';
import { $, api, notice, state, useApi } from '/backoffice/page.js';
import { recordReturn } from '/backoffice/returns.js';
import { mountReviews } from '/backoffice/reviews.js';
import { adjust, showLevel } from '/backoffice/stock.js';
import { loadTimeline } from '/backoffice/timeline.js';

start().catch(error => notify(notice, error, 'error'));

async function start() {
  state.keycloak = await signIn('backoffice', 'login-required');
  useApi(apiClient(tokenOf(state.keycloak)));
  const roles = rolesOf(state.keycloak);
  const token = state.keycloak.tokenParsed ?? {};
  state.admin = roles.includes('admin');
  state.staff = roles.includes('staff');
  state.storeId = token.store_id ?? null;
  $('sign-out').hidden = false;
  $('sign-out').addEventListener('click', () => state.keycloak.logout({ redirectUri: `${location.origin}/` }));
  show($('who'), token.name ?? token.preferred_username ?? '');

  if (!state.staff && !state.admin) {
    show($('role'), roles.includes('customer') ? 'customer' : 'no staff role');
    show($('not-for-you-detail'), `You are signed in as ${token.preferred_username ?? 'someone'}, who is not store staff `
      + 'or an administrator, so nothing here is shown to you.');
    $('not-for-you').hidden = false;
    return;
  }
  show($('role'), state.admin ? 'admin' : `staff · ${state.storeId}`);
  $('office').hidden = false;
  $('undo-card').hidden = !state.admin;
  wire();
  const [stores, products] = await Promise.all([api('/stores'), api('/products', { query: { size: 100 } })]);
  state.stores = stores;
  state.products = itemsOf(products);
  fillChoices();
  mountReviews(document.querySelector('[data-panel=reviews]'), { api, notice, products: state.products });
  const openTab = tabs($('tabs'), name => { if (name === 'analytics') showAnalytics().catch(e => notify(notice, e, 'error')); });
  openTab(new URLSearchParams(location.search).get('tab') ?? 'customers');
}

function wire() {
  const on = (id, action) => $(id).addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, action);
  });
  on('lookup', lookUp);
  on('merge', () => merge($('duplicate-id').value.trim()));
  on('undo', undo);
  on('return', recordReturn);
  on('adjust', adjust);
  on('period', showAnalytics);
  $('more-timeline').addEventListener('click', e => busy(e.target, notice, () => loadTimeline(state.timelinePage + 1)));
  document.querySelector('#adjust [name=sku]').addEventListener('change', showLevel);
  document.querySelector('#adjust [name=storeId]').addEventListener('change', showLevel);
}
