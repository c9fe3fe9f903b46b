package dev.omnichannel.gateway.client;

import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** A service's successful answer passed on: its status (200, 201, 202, 204) and its JSON body, nothing else. */
public final class Relay {

    private Relay() {
    }

    public static <T> RestResponse<T> answer(RestResponse<T> fromService) {
        T entity = fromService.hasEntity() ? fromService.getEntity() : null;
        if (entity == null) {
            return RestResponse.status(fromService.getStatus());
        }
        return RestResponse.ResponseBuilder.<T>create(fromService.getStatus())
                .entity(entity).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
