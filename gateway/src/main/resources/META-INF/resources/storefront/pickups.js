// Click & collect: reserve the cart at my store, and my pickups with their codes (cancel while active).
import { busy, h, itemsOf, money, notify, show, storeName, when } from '/js/app.js';
import { cartItems } from '/storefront/cart.js';
import { productName, search } from '/storefront/catalogue.js';
import { $, api, notice, state } from '/storefront/page.js';
import { openTab } from '/storefront/tabs.js';
import { loadView } from '/storefront/view.js';

export async function reserveCart() {
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

export async function renderReservations() {
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
