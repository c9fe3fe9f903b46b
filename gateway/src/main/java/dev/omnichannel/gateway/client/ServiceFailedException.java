package dev.omnichannel.gateway.client;

/**
 * A service answered, but not with anything the gateway can pass on (a 500, or a 401/403 meaning the
 * gateway's own token was refused): the caller gets 502.
 */
public class ServiceFailedException extends RuntimeException {

    private final String service;

    public ServiceFailedException(String service, String reason) {
        super(service + " failed: " + reason);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
