// Stock: a signed adjustment at a store (staff: their own), and the level available there now.
import { h, show, storeName } from '/js/app.js';
import { $, api, state } from '/backoffice/page.js';

/** A stock level as inventory-service counts it. */
export function levelText(level) {
  return `Now ${level.available} available (on hand ${level.onHand}, reserved ${level.reserved}, non-sellable ${level.nonSellable ?? 0}).`;
}

export async function adjust() {
  const form = $('adjust');
  const body = { storeId: form.storeId.value, sku: form.sku.value, quantity: Number(form.quantity.value), reason: form.reason.value };
  const level = await api('/stock/adjustments', { method: 'POST', body });
  show($('adjust-result'), h('div', { class: 'notice' },
    `${body.quantity > 0 ? '+' : ''}${body.quantity} × ${body.sku} at ${storeName(state.stores, body.storeId)} (${body.reason}). `,
    level?.available !== undefined ? levelText(level) : ''));
  if (level?.available !== undefined) show($('level'), 'Available now: ', h('span', { class: 'count' }, String(level.available)));
}

export async function showLevel() {
  const form = $('adjust');
  if (!form.sku.value || !form.storeId.value) return;
  const levels = await api(`/products/${encodeURIComponent(form.sku.value)}/availability`, { query: { storeId: form.storeId.value } });
  const level = levels.find(l => l.storeId === form.storeId.value)?.available ?? 0;
  show($('level'), 'Available now: ', h('span', { class: 'count' }, String(level)));
}
