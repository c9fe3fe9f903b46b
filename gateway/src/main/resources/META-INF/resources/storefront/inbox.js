// One inbox on every channel: every message sent to the customer — email, SMS, push, WhatsApp or in
// the app — as it was written for its channel, newest first, read or not. The storefront (web and
// mobile layout) shows the customer's own (/me/notifications) and lets them mark one read; the kiosk
// shows the inbox of the customer it identified (/customers/{id}/notifications), read-only.
import { busy, h, itemsOf, notify, show, when } from '/js/app.js';

const CHANNELS = { email: 'Email', sms: 'SMS', push: 'Push', whatsapp: 'WhatsApp', 'in-app': 'In the app' };
const PAGE_SIZE = 10;
const LONGEST_BODY = 400;

/**
 * Shows an inbox in `list` (a <ul>), one page at a time ("Show more" asks for the next).
 * Options: path (the API list, default the signed-in customer's), readable (a "Mark as read" button
 * on unread messages: the customer's own inbox only), links (each message's link), notice (where
 * errors go), onRead (called after a message was marked read, e.g. to refresh the unread badge).
 */
export async function renderInbox(list, api, {
  path = '/me/notifications', readable = true, links = true, notice = null, onRead = async () => {},
} = {}) {
  const shown = [];
  const load = async page => {
    const answer = await api(path, { query: { page, size: PAGE_SIZE } });
    shown.push(...itemsOf(answer));
    const total = answer?.total ?? shown.length;
    list.dataset.total = String(total);
    list.dataset.unread = String(shown.filter(n => !n.read).length);
    show(list, shown.length ? shown.map(n => item(n)) : h('li', { class: 'empty' }, 'No message yet.'));
    if (shown.length < total) {
      list.append(h('li', { class: 'more' }, h('button', {
        type: 'button', class: 'small secondary', onclick: e => busy(e.target, notice, () => load(page + 1)),
      }, 'Show more')));
    }
  };
  const item = n => h('li', {
    class: `inbox-item${n.read ? '' : ' unread'}`,
    dataset: { id: n.id, channel: n.channel ?? '', read: String(n.read === true), status: n.status ?? '' },
  },
  h('div', { class: 'line' },
    h('span', {},
      h('span', { class: `badge ${n.channel ?? ''}`, title: 'The channel this message was sent on' }, CHANNELS[n.channel] ?? n.channel),
      ' ', h('strong', { class: 'name' }, n.title ?? firstLine(n.body))),
    h('small', {}, when(n.sentAt))),
  h('div', { class: 'body' }, shorter(n.title ? n.body : rest(n.body))),
  h('div', { class: 'row' },
    h('small', { class: 'muted' }, n.read ? 'Read' : 'Unread', n.status ? ` · ${n.status}` : ''),
    links && n.link && h('a', { href: n.link, class: 'small' }, 'Open'),
    readable && !n.read && h('button', {
      type: 'button', class: 'small secondary mark-read',
      onclick: e => busy(e.target, notice, async () => {
        const read = await api(`${path}/${encodeURIComponent(n.id)}/read`, { method: 'POST' });
        Object.assign(n, read ?? {}, { read: true });
        e.target.closest('li').replaceWith(item(n));
        list.dataset.unread = String(shown.filter(m => !m.read).length);
        await onRead();
      }),
    }, 'Mark as read')));
  try {
    await load(0);
  } catch (error) {
    show(list, h('li', { class: 'empty' }, 'Your messages cannot be shown right now.'));
    if (notice) notify(notice, error, 'error');
  }
}

function firstLine(text) {
  return String(text ?? '').split('\n').find(line => line.trim()) ?? 'Message';
}

function rest(text) {
  const lines = String(text ?? '').split('\n');
  const first = lines.findIndex(line => line.trim());
  return first < 0 ? '' : lines.slice(first + 1).join('\n').trim();
}

function shorter(text) {
  const plain = String(text ?? '');
  return plain.length > LONGEST_BODY ? `${plain.slice(0, LONGEST_BODY)}…` : plain;
}
