package dev.omnichannel.shapefixture.cart;

/** Misplaced: directly in a feature package, in no role. */
public class CartHelper {
}
