// Returns: an item bought anywhere taken back here, onto the shelf (resaleable) or into the store's
// non-sellable stock (damaged).
import { h, show, storeName } from '/js/app.js';
import { $, api, state } from '/backoffice/page.js';
import { levelText } from '/backoffice/stock.js';

export async function recordReturn() {
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
