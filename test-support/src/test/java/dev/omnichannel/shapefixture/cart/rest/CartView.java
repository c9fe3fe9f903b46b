package dev.omnichannel.shapefixture.cart.rest;

/** An answer of the REST layer. */
public class CartView {
}
