package dev.omnichannel.inventory.reservation.service;

import java.security.SecureRandom;

/**
 * Short codes a customer reads out at the counter: 6 characters without look-alikes (no 0/O, 1/I),
 * about a billion possibilities, drawn from a secure random source so they cannot be guessed.
 * Uniqueness among a store's active reservations is enforced by the database.
 */
final class PickupCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PickupCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
