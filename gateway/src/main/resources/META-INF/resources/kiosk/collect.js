// Click & collect at this store: a reservation found by its pickup code, handed over to the customer.
import { busy, h, itemsOf, notify, show, when } from '/js/app.js';
import { $, api, notice, state } from '/kiosk/page.js';

export async function lookUp() {
  const pickupCode = $('pickup-code').value.trim().toUpperCase();
  const found = itemsOf(await api('/reservations', { query: { storeId: state.session.storeId, pickupCode } }));
  renderReservation(found[0] ?? null, pickupCode);
}

function renderReservation(reservation, pickupCode) {
  const area = $('reservation');
  if (!reservation) {
    show(area, h('p', { class: 'empty' }, `No reservation with code ${pickupCode} at this store.`));
    return;
  }
  const collectable = reservation.status === 'CONFIRMED' || reservation.status === 'READY';
  show(area, h('div', { class: 'stack', dataset: { reservationId: reservation.id, status: reservation.status } },
    h('div', { class: 'line' }, h('span', { class: 'pickup-code' }, reservation.pickupCode), h('span', { class: 'badge' }, reservation.status)),
    h('ul', { class: 'list' }, (reservation.lines ?? []).map(l => h('li', {},
      `${l.quantity} × ${state.products.find(p => p.sku === l.sku)?.name ?? l.sku} (${l.sku})`))),
    h('small', {}, `Held until ${when(reservation.expiresAt)}`),
    collectable && h('button', {
      type: 'button', onclick: e => busy(e.target, notice, async () => {
        const collected = await api(`/reservations/${reservation.id}/collect`, { method: 'POST', body: { pickupCode: reservation.pickupCode } });
        renderReservation(collected, pickupCode);
        notify(notice, 'Handed over. Enjoy!');
      }),
    }, 'Hand over to the customer')));
}
