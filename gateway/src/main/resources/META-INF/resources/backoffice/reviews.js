// Back office: a product's reviews, as every channel shows them, each with a reason to give and a
// button to hide it (staff of any store, admins). A hidden review leaves the product page and stays
// stored with who hid it, when and why.
import { busy, h, itemsOf, notify, show } from '/js/app.js';
import { reviewItem, reviewSummary } from '/storefront/reviews.js';

const PAGE = 20;

/** Fills the panel: choose a product, see its visible reviews, hide one with a reason. */
export function mountReviews(panel, { api, notice, products }) {
  const choice = h('select', { name: 'sku', class: 'review-sku', 'aria-label': 'Product' },
    products.map(p => h('option', { value: p.sku }, `${p.name} (${p.sku})`)));
  const summary = h('div');
  const list = h('ul', { class: 'list reviews' });
  const load = () => busy(null, notice, async () => {
    const sku = choice.value;
    if (!sku) return;
    const page = await api(`/products/${encodeURIComponent(sku)}/reviews`, { query: { size: PAGE } });
    if (choice.value !== sku) return; // another product was chosen meanwhile: its answer shows instead
    show(summary, reviewSummary({ average: page.average, count: page.total }));
    const items = itemsOf(page);
    show(list, items.length ? items.map(review => reviewItem(review, hideForm(sku, review))) : h('li', { class: 'empty' }, 'No visible review.'));
    list.dataset.sku = sku;
  });

  function hideForm(sku, review) {
    const reason = h('input', { type: 'text', name: 'reason', maxlength: 500, required: true,
      placeholder: 'Why hide it? (kept in the audit)', 'aria-label': 'Reason' });
    const form = h('form', { class: 'inline hide-review' }, reason, h('button', { type: 'submit', class: 'small danger' }, 'Hide'));
    form.addEventListener('submit', event => {
      event.preventDefault();
      busy(event.submitter, notice, async () => {
        const hidden = await api(`/products/${encodeURIComponent(sku)}/reviews/${review.id}/hide`,
          { method: 'POST', body: { reason: reason.value.trim() } });
        notify(notice, `Review hidden (${hidden.hiddenReason}); it no longer shows on any channel.`);
        await load();
      });
    });
    return form;
  }

  choice.addEventListener('change', load);
  show(panel, h('div', { class: 'card' },
    h('h2', {}, 'Product reviews'),
    h('p', { class: 'muted' }, 'Reviews are written by customers who bought or collected the product. Hide one that '
      + 'breaks the rules: give the reason, it is recorded with your name and the time.'),
    h('label', { class: 'field' }, 'Product', choice), summary, list));
  return load();
}
