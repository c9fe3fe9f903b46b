package dev.omnichannel.gateway.client;

/**
 * A service refused a request with a 4xx problem (unknown id, conflict, rule refused, invalid
 * fields): the caller gets it as it is, with the same status. Never retried, and no reason to
 * open a circuit: the service is healthy.
 */
public class ServiceProblemException extends RuntimeException {

    private final String service;
    private final int status;
    private final String body;
    private final String retryAfter;

    public ServiceProblemException(String service, int status, String body, String retryAfter) {
        super(service + " answered " + status);
        this.service = service;
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public String retryAfter() {
        return retryAfter;
    }
}
