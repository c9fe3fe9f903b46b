// Me: my preferences (channel, store, language, time zone, quiet hours), my consents per channel and
// the identities I am recognised by.
import { busy, h, notify, show } from '/js/app.js';
import { renderProducts } from '/storefront/catalogue.js';
import { renderStores } from '/storefront/header.js';
import { $, api, CHOSEN_STORE, notice, state } from '/storefront/page.js';
import { loadView } from '/storefront/view.js';

export async function renderAccount() {
  const form = $('preferences');
  if (!state.signedIn) {
    form.hidden = true;
    show($('consents'), h('p', { class: 'empty' }, 'Sign in to see your preferences and consents.'));
    show($('identities'));
    return;
  }
  form.hidden = false;
  state.me = await api('/me');
  const p = state.me.preferences ?? {};
  form.preferredChannel.value = p.preferredChannel ?? 'email';
  form.preferredStoreId.value = p.preferredStoreId ?? state.storeId;
  form.language.value = p.language ?? 'en';
  form.timeZone.value = p.timeZone ?? '';
  form.quietStart.value = p.quietHours?.start ?? '';
  form.quietEnd.value = p.quietHours?.end ?? '';
  show($('consents'), ['email', 'sms', 'push', 'whatsapp'].map(channel => h('label', {},
    h('input', {
      type: 'checkbox', name: channel, checked: state.me.consents?.[channel] === true,
      onchange: e => busy(e.target, notice, async () => {
        await api(`/me/consents/${channel}`, { method: 'PUT', body: { granted: e.target.checked } });
        notify(notice, `${channel}: ${e.target.checked ? 'you agree to hear from us' : 'we will not write to you'} on this channel.`);
      }),
    }), channel)));
  show($('identities'), (state.me.identities ?? []).filter(i => i.type !== 'oidc')
    .map(i => h('li', {}, h('span', { class: 'badge' }, i.type), ' ', i.value)));
}

export async function savePreferences() {
  const form = $('preferences');
  const quietHours = form.quietStart.value && form.quietEnd.value
    ? { start: form.quietStart.value, end: form.quietEnd.value } : {};
  await api('/me/preferences', {
    method: 'PATCH',
    body: {
      preferredChannel: form.preferredChannel.value, preferredStoreId: form.preferredStoreId.value,
      language: form.language.value, timeZone: form.timeZone.value || undefined, quietHours,
    },
  });
  localStorage.setItem(CHOSEN_STORE, form.preferredStoreId.value);
  await loadView();
  renderStores();
  renderProducts();
  notify(notice, 'Preferences saved.');
}
