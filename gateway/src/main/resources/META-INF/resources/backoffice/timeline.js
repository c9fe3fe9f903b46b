// The open customer's timeline: every channel, newest first, a page at a time ("Older" adds the next).
import { h, itemsOf, show, when } from '/js/app.js';
import { $, api, state } from '/backoffice/page.js';

const TIMELINE_PAGE = 20;

export async function loadTimeline(page) {
  const timeline = await api(`/customers/${state.customer.id}/timeline`, { query: { page, size: TIMELINE_PAGE } });
  const entries = itemsOf(timeline);
  const lines = entries.map(e => h('li', { class: 'timeline-entry', dataset: { channel: e.channel ?? '', kind: e.kind ?? '' } },
    h('div', { class: 'line' },
      h('span', {}, h('span', { class: `badge ${e.channel}` }, e.channel ?? '—'), ' ', h('strong', {}, e.kind ?? ''), ' ', e.summary ?? ''),
      h('small', {}, when(e.at)))));
  if (page === 0) show($('timeline'), lines.length ? lines : h('li', { class: 'empty' }, 'Nothing yet.'));
  else $('timeline').append(...lines);
  state.timelinePage = page;
  const total = timeline.total ?? 0;
  $('more-timeline').hidden = (page + 1) * TIMELINE_PAGE >= total;
}
