package dev.omnichannel.gateway.client;

/** A service did not answer (refused connection, closed connection, 502/503/504): the caller gets 503. */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;

    public ServiceUnavailableException(String service, String reason, Throwable cause) {
        super(service + " is unavailable: " + reason, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
