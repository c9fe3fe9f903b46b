// The customer at the kiosk: identified by phone number or loyalty card, greeted with their messages,
// and let go ("Done") for the next one.
import { h, itemsOf, notify, show } from '/js/app.js';
import { showCustomerInbox } from '/kiosk/inbox.js';
import { $, api, notice, state } from '/kiosk/page.js';

export async function identify() {
  const type = $('identity-type').value;
  const value = $('identity-value').value.trim();
  const found = itemsOf(await api('/customers', { query: { identity: `${type}:${value}` } }));
  state.customer = found[0] ?? null;
  renderCustomer();
  if (!state.customer) notify(notice, 'No customer found with that phone number or card.', 'error');
  else $('identity-value').value = '';
}

export function renderCustomer() {
  const area = $('customer');
  $('identify').hidden = state.customer !== null;
  showCustomerInbox($('inbox-card'), api, state.customer, notice).catch(error => notify(notice, error, 'error'));
  if (!state.customer) {
    show(area, h('p', { class: 'muted' }, 'Identify yourself with your phone number or loyalty card to order.'));
    return;
  }
  show(area, h('div', { class: 'customer-chip', dataset: { customerId: state.customer.id } },
    h('span', {}, 'Hello ', h('strong', {}, state.customer.displayName ?? 'there')),
    h('button', { type: 'button', class: 'small secondary', onclick: () => {
      state.customer = null;
      renderCustomer();
    } }, 'Done')));
}
