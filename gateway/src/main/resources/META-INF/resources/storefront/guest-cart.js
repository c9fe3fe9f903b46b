// A guest's cart lives in the API too (POST /carts, kept in this browser by its id and cart token);
// at sign-in it joins the customer's cart.
import { notify } from '/js/app.js';
import { renderCart } from '/storefront/cart.js';
import { api, GUEST_CART, notice, state } from '/storefront/page.js';

export async function guestCartItem(sku, quantity) {
  if (!state.guestCart) {
    const created = await api('/carts', { method: 'POST' });
    state.guestCart = { id: created.id, cartToken: created.cartToken, items: [] };
  }
  const cart = await api(`/carts/${state.guestCart.id}/items/${encodeURIComponent(sku)}`, {
    method: 'PUT', body: { quantity }, headers: { 'X-Cart-Token': state.guestCart.cartToken },
  });
  state.guestCart.items = cart.items ?? [];
  localStorage.setItem(GUEST_CART, JSON.stringify(state.guestCart));
  renderCart();
}

export async function loadGuestCart() {
  if (!state.guestCart) return;
  try {
    const cart = await api(`/carts/${state.guestCart.id}`, { headers: { 'X-Cart-Token': state.guestCart.cartToken } });
    state.guestCart.items = cart.items ?? [];
  } catch {
    state.guestCart = null;
    localStorage.removeItem(GUEST_CART);
  }
}

export async function mergeGuestCart() {
  const guest = JSON.parse(localStorage.getItem(GUEST_CART) || 'null');
  if (!guest) return;
  localStorage.removeItem(GUEST_CART);
  try {
    await api('/me/cart/merge', { method: 'POST', body: { cartId: guest.id, cartToken: guest.cartToken } });
    notify(notice, 'The cart you filled before signing in is now in your cart.');
  } catch (error) {
    if (error.status !== 404 && error.status !== 409) throw error;
  }
}
