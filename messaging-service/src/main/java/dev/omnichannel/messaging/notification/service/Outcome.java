package dev.omnichannel.messaging.notification.service;

/** What the provider answered to an {@link Attempt}: its message id, or the error of a failed send. */
record Outcome(String providerMessageId, String error) {

    boolean sent() {
        return error == null;
    }
}
