// The kiosk shows the messages sent to the customer it identified (every channel, read-only): the
// gateway answers only for a customer identified at this kiosk's store in the last minutes.
import { show } from '/js/app.js';
import { renderInbox } from '/storefront/inbox.js';

/** Shows the inbox of `customer` in `card` (a section holding a <ul>), or hides it when nobody is identified. */
export async function showCustomerInbox(card, api, customer, notice) {
  const list = card.querySelector('ul');
  card.hidden = !customer;
  if (!customer) {
    show(list);
    return;
  }
  card.dataset.customerId = customer.id;
  await renderInbox(list, api, {
    path: `/customers/${encodeURIComponent(customer.id)}/notifications`, readable: false, links: false, notice,
  });
}
