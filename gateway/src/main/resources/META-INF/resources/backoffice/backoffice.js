// The back office for store staff and administrators (Keycloak client backoffice). Anyone else who
// signs in is told the page is not for them and the page asks the API for nothing (it would answer 403).
import {
  apiClient, busy, h, itemsOf, notify, rolesOf, show, signIn, storeName, tabs, tokenOf, when,
} from '/js/app.js';
import { mountReviews } from '/backoffice/reviews.js';

const $ = id => document.getElementById(id);
const TIMELINE_PAGE = 20;
const COLOURS = { sent: '#1f6f4a', delivered: '#4f9d75', opened: '#e0892b', failed: '#b3261e', reservations: '#2563eb', orders: '#7c3aed' };
const notice = $('notice');
const state = { keycloak: null, staff: false, admin: false, storeId: null, stores: [], products: [], customer: null, results: [], timelinePage: 0 };
const charts = {};
let api;

start().catch(error => notify(notice, error, 'error'));

async function start() {
  state.keycloak = await signIn('backoffice', 'login-required');
  api = apiClient(tokenOf(state.keycloak));
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

/** Staff act for their own store only (the API refuses others); admins choose any. */
function fillChoices() {
  for (const select of document.querySelectorAll('.store-choice')) {
    const choices = state.admin ? state.stores : state.stores.filter(s => s.id === state.storeId);
    show(select, choices.map(s => h('option', { value: s.id, selected: s.id === state.storeId }, s.name)));
    select.disabled = !state.admin;
  }
  for (const select of document.querySelectorAll('.sku-choice')) {
    show(select, state.products.map(p => h('option', { value: p.sku }, `${p.name} (${p.sku})`)));
  }
  showLevel();
}

// ---------------------------------------------------------------- customers: lookup, timeline, merge

async function lookUp() {
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

async function loadTimeline(page) {
  const timeline = await api(`/customers/${state.customer.id}/timeline`, { query: { page, size: TIMELINE_PAGE } });
  const entries = itemsOf(timeline);
  const lines = entries.map(e => h('li', { class: 'timeline-entry', dataset: { channel: e.channel ?? '', kind: e.kind ?? '' } },
    h('div', { class: 'line' },
      h('span', {}, h('span', { class: `badge ${e.channel}` }, e.channel ?? '—'), ' ', h('strong', {}, e.kind ?? ''), ' ', e.summary ?? ''),
      h('small', {}, when(e.at)))));
  if (page === 0) show($('timeline'), lines.length ? lines : h('li', { class: 'empty' }, 'Nothing yet.'));
  else $('timeline').append(...lines);
  state.timelinePage = page;
  const total = timeline.total ?? 0;
  $('more-timeline').hidden = (page + 1) * TIMELINE_PAGE >= total;
}

async function merge(duplicateId) {
  const survivor = state.customer;
  if (!survivor) throw new Error('Open the customer to keep first.');
  if (duplicateId === survivor.id) throw new Error('A customer cannot be merged into themself.');
  const result = await api(`/customers/${survivor.id}/merge`, { method: 'POST', body: { duplicateId } });
  $('duplicate-id').value = '';
  show($('merge-result'), h('div', { class: 'notice', dataset: { mergeId: result.mergeId } },
    'Merged. Merge id ', h('code', {}, result.mergeId), state.admin ? ' (an admin can undo it below).' : ' (an admin can undo it).'));
  if (state.admin) $('merge-id').value = result.mergeId;
  await loadTimeline(0);
}

async function undo() {
  const mergeId = $('merge-id').value.trim();
  await api(`/customers/merges/${encodeURIComponent(mergeId)}/undo`, { method: 'POST' });
  $('merge-id').value = '';
  notify(notice, 'Merge undone: both profiles are back as they were, each with what it had.');
  if (state.customer) await loadTimeline(0);
}

// ---------------------------------------------------------------- returns and stock

async function recordReturn() {
  const form = $('return');
  const body = {
    storeId: form.storeId.value, sku: form.sku.value, quantity: Number(form.quantity.value),
    originalRef: form.originalRef.value.trim() || undefined, condition: form.condition.value,
  };
  const result = await api('/returns', { method: 'POST', body });
  show($('return-result'), h('div', { class: 'notice', dataset: { returnId: result.id ?? '' } },
    `Returned ${body.quantity} × ${body.sku} at ${storeName(state.stores, body.storeId)} as ${body.condition}: `,
    body.condition === 'damaged' ? 'into the non-sellable stock.' : 'back on the shelf.',
    result.level && h('div', {}, levelText(result.level))));
}

/** A stock level as inventory-service counts it. */
function levelText(level) {
  return `Now ${level.available} available (on hand ${level.onHand}, reserved ${level.reserved}, non-sellable ${level.nonSellable ?? 0}).`;
}

async function adjust() {
  const form = $('adjust');
  const body = { storeId: form.storeId.value, sku: form.sku.value, quantity: Number(form.quantity.value), reason: form.reason.value };
  const level = await api('/stock/adjustments', { method: 'POST', body });
  show($('adjust-result'), h('div', { class: 'notice' },
    `${body.quantity > 0 ? '+' : ''}${body.quantity} × ${body.sku} at ${storeName(state.stores, body.storeId)} (${body.reason}). `,
    level?.available !== undefined ? levelText(level) : ''));
  if (level?.available !== undefined) show($('level'), 'Available now: ', h('span', { class: 'count' }, String(level.available)));
}

async function showLevel() {
  const form = $('adjust');
  if (!form.sku.value || !form.storeId.value) return;
  const levels = await api(`/products/${encodeURIComponent(form.sku.value)}/availability`, { query: { storeId: form.storeId.value } });
  const level = levels.find(l => l.storeId === form.storeId.value)?.available ?? 0;
  show($('level'), 'Available now: ', h('span', { class: 'count' }, String(level)));
}

// ---------------------------------------------------------------- analytics (journey 9)

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

async function showAnalytics() {
  if (!$('from').value) {
    const today = new Date();
    $('to').value = isoDay(today);
    $('from').value = isoDay(new Date(today.getTime() - 29 * 86_400_000));
  }
  const from = `${$('from').value}T00:00:00Z`;
  const to = new Date(Date.parse(`${$('to').value}T00:00:00Z`) + 86_400_000).toISOString();
  const report = await api('/analytics/channels', { query: { from, to } });
  const rows = report.channels ?? [];
  window.omniAnalytics = report;
  const labels = rows.map(r => r.channel);
  const series = keys => keys.map(key => ({ label: key, data: rows.map(r => r[key] ?? 0), backgroundColor: COLOURS[key] }));
  const messages = series(['sent', 'delivered', 'opened', 'failed']);
  draw('chart-messages', labels, messages, skewed(messages) ? { type: 'logarithmic', title: { display: true, text: 'logarithmic scale' } } : {});
  draw('chart-outcomes', labels, series(['reservations', 'orders']));
  draw('chart-conversion', labels, [{ label: 'conversion %', data: rows.map(r => Math.round((r.conversion ?? 0) * 1000) / 10), backgroundColor: '#e0892b' }],
    { suggestedMax: 10, ticks: { callback: v => `${v} %` } });
  show($('figures'),
    h('thead', {}, h('tr', {}, ['channel', 'sent', 'delivered', 'opened', 'failed', 'reservations', 'orders', 'conversion']
      .map((c, i) => h('th', { class: i ? 'num' : '' }, c)))),
    h('tbody', {}, rows.map(r => h('tr', { dataset: { channel: r.channel } },
      h('td', {}, r.channel),
      ['sent', 'delivered', 'opened', 'failed', 'reservations', 'orders'].map(k => h('td', { class: 'num' }, String(r[k] ?? 0))),
      h('td', { class: 'num' }, `${((r.conversion ?? 0) * 100).toFixed(1)} %`)))));
}

/** One channel far above the others would flatten them: such figures are drawn on a logarithmic axis. */
function skewed(datasets) {
  const values = datasets.flatMap(d => d.data).filter(v => v > 0);
  return values.length > 1 && Math.max(...values) / Math.min(...values) > 50;
}

function draw(id, labels, datasets, y = {}) {
  charts[id]?.destroy();
  charts[id] = new window.Chart($(id), {
    type: 'bar',
    data: { labels, datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, ...y } },
    },
  });
}
