// Customers: look one up by an identity, see who matched, open one (profile, preferences, consents,
// segments) with their timeline.
import { busy, h, itemsOf, show, storeName } from '/js/app.js';
import { $, api, notice, state } from '/backoffice/page.js';
import { loadTimeline } from '/backoffice/timeline.js';

export async function lookUp() {
  const identity = `${$('identity-type').value}:${$('identity-value').value.trim()}`;
  state.results = itemsOf(await api('/customers', { query: { identity } }));
  renderResults(identity);
}

function renderResults(identity) {
  show($('results'), state.results.length
    ? state.results.map(resultLine)
    : h('li', { class: 'empty' }, `Nobody with ${identity}.`));
}

function resultLine(customer) {
  const open = state.customer;
  return h('li', { class: 'line', dataset: { customerId: customer.id } },
    h('div', {},
      h('div', { class: 'name' }, customer.displayName ?? '(no name)'),
      h('small', {}, (customer.identities ?? []).filter(i => i.type !== 'oidc').map(i => `${i.type} ${i.value}`).join(' · '))),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'small open-customer', onclick: e => busy(e.target, notice, () => openCustomer(customer)) }, 'Open'),
      open && open.id !== customer.id && h('button', {
        type: 'button', class: 'small secondary', onclick: () => { $('duplicate-id').value = customer.id; $('duplicate-id').focus(); },
      }, `Merge into ${open.displayName ?? 'the open customer'}…`)));
}

async function openCustomer(customer) {
  state.customer = customer;
  $('customer-detail').hidden = false;
  show($('customer-name'), customer.displayName ?? '(no name)');
  show($('customer-id'), customer.id);
  const p = customer.preferences ?? {};
  show($('customer-profile'), h('div', { class: 'profile' },
    h('div', { class: 'row' }, (customer.identities ?? []).filter(i => i.type !== 'oidc')
      .map(i => h('span', {}, h('span', { class: 'badge' }, i.type), ' ', i.value, i.verified ? ' ✓' : ''))),
    h('div', {}, `Prefers ${p.preferredChannel ?? '—'} · store ${storeName(state.stores, p.preferredStoreId) ?? '—'}`
      + ` · ${p.language ?? ''} · ${p.timeZone ?? ''}`),
    h('div', { class: 'row' }, 'Consents', Object.entries(customer.consents ?? {})
      .map(([channel, granted]) => h('span', { class: 'badge' }, `${channel} ${granted ? '✓' : '✗'}`))),
    (customer.segments ?? []).length > 0 && h('div', {}, `Segments: ${customer.segments.join(', ')}`)));
  show($('merge-result'));
  renderResults();
  await loadTimeline(0);
}
