// Channel analytics (journey 9): per channel, the messages sent, delivered, opened and failed, the
// reservations and orders that followed, and the conversion, as charts (Chart.js) and a table.
import { h, show } from '/js/app.js';
import { $, api } from '/backoffice/page.js';

const COLOURS = { sent: '#1f6f4a', delivered: '#4f9d75', opened: '#e0892b', failed: '#b3261e', reservations: '#2563eb', orders: '#7c3aed' };
const charts = {};

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

export async function showAnalytics() {
  if (!$('from').value) {
    const today = new Date();
    $('to').value = isoDay(today);
    $('from').value = isoDay(new Date(today.getTime() - 29 * 86_400_000));
  }
  const from = `${$('from').value}T00:00:00Z`;
  const to = new Date(Date.parse(`${$('to').value}T00:00:00Z`) + 86_400_000).toISOString();
  const report = await api('/analytics/channels', { query: { from, to } });
  const rows = report.channels ?? [];
  window.omniAnalytics = report;
  const labels = rows.map(r => r.channel);
  const series = keys => keys.map(key => ({ label: key, data: rows.map(r => r[key] ?? 0), backgroundColor: COLOURS[key] }));
  const messages = series(['sent', 'delivered', 'opened', 'failed']);
  draw('chart-messages', labels, messages, skewed(messages) ? { type: 'logarithmic', title: { display: true, text: 'logarithmic scale' } } : {});
  draw('chart-outcomes', labels, series(['reservations', 'orders']));
  draw('chart-conversion', labels, [{ label: 'conversion %', data: rows.map(r => Math.round((r.conversion ?? 0) * 1000) / 10), backgroundColor: '#e0892b' }],
    { suggestedMax: 10, ticks: { callback: v => `${v} %` } });
  show($('figures'),
    h('thead', {}, h('tr', {}, ['channel', 'sent', 'delivered', 'opened', 'failed', 'reservations', 'orders', 'conversion']
      .map((c, i) => h('th', { class: i ? 'num' : '' }, c)))),
    h('tbody', {}, rows.map(r => h('tr', { dataset: { channel: r.channel } },
      h('td', {}, r.channel),
      ['sent', 'delivered', 'opened', 'failed', 'reservations', 'orders'].map(k => h('td', { class: 'num' }, String(r[k] ?? 0))),
      h('td', { class: 'num' }, `${((r.conversion ?? 0) * 100).toFixed(1)} %`)))));
}

/** One channel far above the others would flatten them: such figures are drawn on a logarithmic axis. */
function skewed(datasets) {
  const values = datasets.flatMap(d => d.data).filter(v => v > 0);
  return values.length > 1 && Math.max(...values) / Math.min(...values) > 50;
}

function draw(id, labels, datasets, y = {}) {
  charts[id]?.destroy();
  charts[id] = new window.Chart($(id), {
    type: 'bar',
    data: { labels, datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, ...y } },
    },
  });
}
