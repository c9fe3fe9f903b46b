// The in-store kiosk of one store. It holds no client secret: it presents its device key to the
// gateway (POST /kiosk/session) and gets a short-lived kiosk token, whose store_id claim is the
// store it acts for; with that token it calls the public API like any kiosk.
// This module wires the forms and opens the kiosk (or its setup); each section is a module of its own.
import { busy, notify, show } from '/js/app.js';
import { search } from '/kiosk/catalogue.js';
import { lookUp } from '/kiosk/collect.js';
import { identify, renderCustomer } from '/kiosk/customer.js';
import { deliverTo, placeOrder } from '/kiosk/order.js';
import { $, api, DEVICE_KEY, notice, state } from '/kiosk/page.js';
import { showSetup, token } from '/kiosk/session.js';

wire();
start().catch(error => notify(notice, error, 'error'));

async function start() {
  if (!localStorage.getItem(DEVICE_KEY)) {
    showSetup();
    return;
  }
  await token();
  state.stores = await api('/stores');
  const store = state.stores.find(s => s.id === state.session.storeId);
  show($('store'), store?.name ?? state.session.storeId);
  $('store').dataset.storeId = state.session.storeId;
  show($('deliver-store-label'), `this store (${store?.name ?? state.session.storeId})`);
  show($('welcome'), `Welcome to ${store?.name ?? 'our store'}`);
  $('setup').hidden = true;
  $('kiosk').hidden = false;
  $('forget').hidden = false;
  renderCustomer();
  await search('');
}

function wire() {
  $('pair').addEventListener('submit', event => {
    event.preventDefault();
    localStorage.setItem(DEVICE_KEY, $('device-key').value.trim());
    $('device-key').value = '';
    state.session = null;
    busy(event.submitter, notice, async () => {
      await start();
      notify(notice, 'This kiosk is paired.');
    });
  });
  $('forget').addEventListener('click', () => {
    localStorage.removeItem(DEVICE_KEY);
    state.session = null;
    showSetup();
  });
  $('search').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, () => search($('q').value.trim()));
  });
  $('identify').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, identify);
  });
  $('order').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, placeOrder);
  });
  $('cancel-order').addEventListener('click', () => { $('order-card').hidden = true; });
  for (const radio of document.querySelectorAll('input[name=deliver]')) {
    radio.addEventListener('change', () => { $('address').hidden = deliverTo() !== 'home'; });
  }
  $('lookup').addEventListener('submit', event => {
    event.preventDefault();
    busy(event.submitter, notice, lookUp);
  });
}
