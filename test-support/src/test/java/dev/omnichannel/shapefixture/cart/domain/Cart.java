package dev.omnichannel.shapefixture.cart.domain;

import dev.omnichannel.shapefixture.cart.rest.CartView;

/** Out of line: the domain knows the REST layer's answer. */
public class Cart {
    public CartView asView() {
        return new CartView();
    }
}
