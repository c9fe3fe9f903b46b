// Reviews on a product page: the average, the count and the latest reviews (the same on every
// channel: storefront, mobile layout, kiosk, QR landing), more on demand, and for a signed-in
// customer the form to write or replace their review (only buyers may: the API says so otherwise).
import { busy, h, itemsOf, notify, show, when } from '/js/app.js';

const PAGE = 5;
const MAX_TEXT = 2000;

/** ★★★★☆ for a rating of 4 (the average is rounded for the stars, shown exactly beside them). */
export function stars(rating) {
  const full = Math.max(0, Math.min(5, Math.round(Number(rating) || 0)));
  return h('span', { class: 'stars', 'aria-hidden': 'true' }, '★'.repeat(full) + '☆'.repeat(5 - full));
}

/** "★★★★☆ 4.3 · 12 reviews", or "No review yet". */
export function reviewSummary(reviews) {
  const count = reviews?.count ?? 0;
  const average = reviews?.average;
  return h('div', {
    class: 'review-summary', dataset: { count, average: average ?? '' },
    'aria-label': count ? `Rated ${average} out of 5 by ${count} customers` : 'No review yet',
  }, count
    ? [stars(average), ' ', h('strong', {}, Number(average).toFixed(1)), h('small', {}, ` · ${count} review${count > 1 ? 's' : ''}`)]
    : h('small', {}, 'No review yet'));
}

/** One review: stars, text, the verified purchase mark, when; {@code extra} (a staff action) after it. */
export function reviewItem(review, ...extra) {
  return h('li', { class: 'review', dataset: { reviewId: review.id, rating: review.rating } },
    h('div', { class: 'line' },
      h('span', {}, stars(review.rating), ' ', h('strong', {}, `${review.rating}/5`)),
      h('small', {}, when(review.updatedAt ?? review.createdAt))),
    review.verifiedPurchase && h('span', { class: 'badge verified' }, '✓ Verified purchase'),
    review.text && h('p', { class: 'review-text' }, review.text),
    ...extra);
}

/**
 * A product card's reviews: the summary, and a button that opens the product's reviews (and the
 * form). ctx: { api, notice, signedIn: () => boolean }.
 */
export function productReviews(product, ctx) {
  const area = h('div', { class: 'reviews-area' });
  const summary = h('div', {}, reviewSummary(product.reviews));
  const toggle = h('button', {
    type: 'button', class: 'small secondary reviews-toggle', 'aria-expanded': 'false',
    onclick: e => busy(e.target, ctx.notice, async () => {
      if (area.childElementCount) {
        show(area);
        e.target.setAttribute('aria-expanded', 'false');
        return;
      }
      const fresh = await ctx.api(`/products/${encodeURIComponent(product.sku)}`);
      show(summary, reviewSummary(fresh.reviews));
      await reviewsSection(area, fresh, {
        ...ctx, withSummary: false, onChange: page => show(summary, reviewSummary(page.reviews)),
      });
      e.target.setAttribute('aria-expanded', 'true');
    }),
  }, 'Reviews');
  return h('div', { class: 'product-reviews', dataset: { sku: product.sku } }, h('div', { class: 'row' }, summary, toggle), area);
}

/**
 * Fills {@code area} with a product page's reviews: summary (unless ctx.withSummary is false: the card
 * shows it already), latest, "more", and the customer's form. {@code page} is the product (or QR
 * landing) answer with its {@code reviews}.
 */
export async function reviewsSection(area, page, ctx) {
  const sku = page.sku;
  const list = h('ul', { class: 'list reviews' });
  const more = h('button', { type: 'button', class: 'small secondary more-reviews' }, 'More reviews');
  let loaded = 0;
  const render = reviews => {
    const latest = reviews?.latest ?? [];
    show(list, latest.length ? latest.map(r => reviewItem(r)) : h('li', { class: 'empty' }, 'Be the first to review it.'));
    loaded = latest.length;
    more.hidden = loaded >= (reviews?.count ?? 0);
  };
  more.addEventListener('click', e => busy(e.target, ctx.notice, async () => {
    // pages of PAGE after the latest already shown: ask from the first page that holds unseen ones
    const answer = await ctx.api(`/products/${encodeURIComponent(sku)}/reviews`, { query: { page: Math.floor(loaded / PAGE), size: PAGE } });
    const shown = new Set([...list.querySelectorAll('li[data-review-id]')].map(li => li.dataset.reviewId));
    const fresh = itemsOf(answer).filter(r => !shown.has(r.id));
    list.append(...fresh.map(r => reviewItem(r)));
    loaded = list.querySelectorAll('li[data-review-id]').length;
    more.hidden = loaded >= (answer.total ?? 0) || itemsOf(answer).length < PAGE;
  }));
  const summary = h('div', {}, reviewSummary(page.reviews));
  render(page.reviews);
  const form = ctx.signedIn() ? await writeForm(sku, ctx, async () => {
    const fresh = await ctx.api(`/products/${encodeURIComponent(sku)}`);
    show(summary, reviewSummary(fresh.reviews));
    render(fresh.reviews);
    ctx.onChange?.(fresh);
  }) : h('p', { class: 'muted' }, 'Customers who bought or collected it can review it once signed in.');
  show(area, h('section', { class: 'reviews-section', dataset: { sku } },
    h('h3', {}, 'Reviews'), ctx.withSummary !== false && summary, list, more, form));
}

/** The signed-in customer's review of the SKU: written or replaced (once per product). */
async function writeForm(sku, ctx, reload) {
  const mine = itemsOf(await ctx.api('/me/reviews', { query: { size: 100 } }))
    .find(r => r.sku === sku && !r.hidden);
  const rating = h('select', { name: 'rating', 'aria-label': 'Rating', required: true },
    [5, 4, 3, 2, 1].map(n => h('option', { value: n, selected: (mine?.rating ?? 5) === n }, `${'★'.repeat(n)} ${n}/5`)));
  const text = h('textarea', { name: 'text', maxlength: MAX_TEXT, placeholder: 'What did you think of it? (optional)', 'aria-label': 'Review' });
  text.value = mine?.text ?? '';
  const submit = h('button', { type: 'submit' }, mine ? 'Replace my review' : 'Publish my review');
  const form = h('form', { class: 'stack review-form', dataset: { mine: mine?.id ?? '' } },
    h('h3', {}, mine ? 'My review' : 'Review this product'),
    h('small', {}, 'Only customers who bought or collected it can review it; writing again replaces your review.'),
    h('label', { class: 'field' }, 'My rating', rating), text, submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    busy(submit, ctx.notice, async () => {
      const replacing = Boolean(form.dataset.mine);
      const written = await ctx.api(`/me/reviews/${encodeURIComponent(sku)}`, {
        method: 'PUT', body: { rating: Number(rating.value), text: text.value.trim() || null },
      });
      form.dataset.mine = written.id;
      show(submit, 'Replace my review');
      await reload();
      notify(ctx.notice, replacing ? 'Your review is replaced.' : 'Thank you: your review is published.');
    });
  });
  return form;
}
