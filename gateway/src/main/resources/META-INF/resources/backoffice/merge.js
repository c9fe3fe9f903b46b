// Merging a duplicate into the open customer (staff and admins, audited), and undoing a merge (admins).
import { h, notify, show } from '/js/app.js';
import { $, api, notice, state } from '/backoffice/page.js';
import { loadTimeline } from '/backoffice/timeline.js';

export async function merge(duplicateId) {
  const survivor = state.customer;
  if (!survivor) throw new Error('Open the customer to keep first.');
  if (duplicateId === survivor.id) throw new Error('A customer cannot be merged into themself.');
  const result = await api(`/customers/${survivor.id}/merge`, { method: 'POST', body: { duplicateId } });
  $('duplicate-id').value = '';
  show($('merge-result'), h('div', { class: 'notice', dataset: { mergeId: result.mergeId } },
    'Merged. Merge id ', h('code', {}, result.mergeId), state.admin ? ' (an admin can undo it below).' : ' (an admin can undo it).'));
  if (state.admin) $('merge-id').value = result.mergeId;
  await loadTimeline(0);
}

export async function undo() {
  const mergeId = $('merge-id').value.trim();
  await api(`/customers/merges/${encodeURIComponent(mergeId)}/undo`, { method: 'POST' });
  $('merge-id').value = '';
  notify(notice, 'Merge undone: both profiles are back as they were, each with what it had.');
  if (state.customer) await loadTimeline(0);
}
