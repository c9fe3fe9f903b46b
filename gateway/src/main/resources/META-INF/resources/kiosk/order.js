// The endless aisle: order a product from another location for the identified customer, delivered to
// this store or to their home.
import { h, money, notify, show, storeName } from '/js/app.js';
import { search } from '/kiosk/catalogue.js';
import { $, api, notice, state } from '/kiosk/page.js';

export function deliverTo() {
  return document.querySelector('input[name=deliver]:checked').value;
}

export function startOrder(product) {
  state.ordering = product;
  show($('order-what'), h('strong', {}, product.name), ` (${product.sku}) — ${money(product.promotionalPrice ?? product.price)} each`);
  show($('order-result'));
  $('order').hidden = false;
  $('order-card').hidden = false;
  $('order-card').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  if (!state.customer) {
    notify(notice, 'Identify the customer first (phone or loyalty card).', 'error');
    $('identity-value').focus();
  }
}

export async function placeOrder() {
  if (!state.customer) {
    notify(notice, 'Identify the customer first (phone or loyalty card).', 'error');
    return;
  }
  const form = $('order');
  const destination = deliverTo() === 'home'
    ? {
      address: {
        street: form.street.value.trim(), postalCode: form.postalCode.value.trim(),
        city: form.city.value.trim(), country: form.country.value.trim().toUpperCase(),
      },
    }
    : { storeId: state.session.storeId };
  const order = await api('/orders', {
    method: 'POST',
    body: {
      customerId: state.customer.id,
      lines: [{ sku: state.ordering.sku, quantity: Number($('order-quantity').value) }],
      deliverTo: destination,
    },
  });
  form.hidden = true;
  show($('order-result'), h('div', { class: 'notice', dataset: { orderId: order.id, status: order.status } },
    h('strong', {}, `Order placed (${order.status}).`), ' ',
    destination.storeId ? `It will be delivered to ${storeName(state.stores, destination.storeId)}.` : 'It will be delivered to your home.',
    h('ul', { class: 'list allocations' }, (order.allocations ?? []).map(a => h('li', { dataset: { storeId: a.storeId, sku: a.sku } },
      `${a.quantity} × ${a.sku} from ${storeName(state.stores, a.storeId)}`))),
    h('small', {}, `Order ${order.id}`)));
  await search($('q').value.trim());
}
