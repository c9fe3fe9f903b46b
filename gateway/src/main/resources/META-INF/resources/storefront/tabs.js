// The sections' tabs (Shop, Cart, Pickups, Messages, Me): opening one loads what it shows.
import { notify, tabs } from '/js/app.js';
import { renderAccount } from '/storefront/account.js';
import { renderCart } from '/storefront/cart.js';
import { renderMessages } from '/storefront/messages.js';
import { $, notice } from '/storefront/page.js';
import { renderReservations } from '/storefront/pickups.js';

export const openTab = tabs($('tabs'), name => refresh(name));

function refresh(tab) {
  const loaders = {
    cart: async () => renderCart(),
    reservations: renderReservations,
    messages: renderMessages,
    account: renderAccount,
  };
  loaders[tab]?.().catch(error => notify(notice, error, 'error'));
}
