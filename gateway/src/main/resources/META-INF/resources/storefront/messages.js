// Messages: my conversation with the store (one, whatever the channel) and my inbox of everything
// sent to me on every channel.
import { h, itemsOf, show, when } from '/js/app.js';
import { renderInbox } from '/storefront/inbox.js';
import { $, api, notice, state } from '/storefront/page.js';
import { loadView } from '/storefront/view.js';

export async function renderMessages() {
  const list = $('messages');
  if (!state.signedIn) {
    show(list, h('li', { class: 'empty' }, 'Sign in to write to the store.'));
    $('write').hidden = true;
    return;
  }
  $('write').hidden = false;
  const conversations = itemsOf(await api('/me/conversations'));
  state.conversationId = conversations[0]?.id ?? null;
  $('subject').hidden = state.conversationId !== null;
  if (!state.conversationId) {
    show(list, h('li', { class: 'empty' }, 'No message yet.'));
  } else {
    const conversation = await api(`/me/conversations/${state.conversationId}`);
    show(list, (conversation.messages ?? []).map(m => h('li', { class: m.author === 'customer' ? 'mine' : '' },
      h('div', { class: 'meta' }, h('span', { class: `badge ${m.channel}` }, m.channel), m.author, ' · ', when(m.sentAt)),
      h('div', {}, m.text))));
  }
  await renderInbox($('notifications'), api, { notice, onRead: loadView });
}

export async function sendMessage() {
  const text = $('text').value.trim();
  if (!text) return;
  if (state.conversationId) {
    await api(`/me/conversations/${state.conversationId}/messages`, { method: 'POST', body: { text } });
  } else {
    const subject = $('subject').value.trim() || 'A question';
    await api('/me/conversations', { method: 'POST', body: { subject, text } });
  }
  $('text').value = '';
  $('subject').value = '';
  await renderMessages();
}
