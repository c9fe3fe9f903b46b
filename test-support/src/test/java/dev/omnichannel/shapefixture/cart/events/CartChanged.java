package dev.omnichannel.shapefixture.cart.events;

/** In its place: a feature's events role. */
public class CartChanged {
}
