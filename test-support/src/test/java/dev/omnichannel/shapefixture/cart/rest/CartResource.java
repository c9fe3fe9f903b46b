package dev.omnichannel.shapefixture.cart.rest;

/** In its place: a feature's REST role. */
public class CartResource {
    public CartView view() {
        return new CartView();
    }
}
