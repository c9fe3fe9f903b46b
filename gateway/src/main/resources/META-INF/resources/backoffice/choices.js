// The store and product choices of the returns and stock forms.
import { h, show } from '/js/app.js';
import { state } from '/backoffice/page.js';
import { showLevel } from '/backoffice/stock.js';

/** Staff act for their own store only (the API refuses others); admins choose any. */
export function fillChoices() {
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
