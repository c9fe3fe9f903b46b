package dev.omnichannel.gateway.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.security.Caller;
import dev.omnichannel.gateway.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The customer's in-app inbox and back-in-stock alerts. */
@Path("/api/v1/me")
@Tag(name = "Customer")
@RolesAllowed(Caller.CUSTOMER)
public class InboxResource {

    public record AlertRequest(@NotBlank String sku, @NotBlank String storeId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Alert(String customerId, String sku, String storeId) {
    }

    private final MessagingClient messaging;
    private final CallerContext context;

    public InboxResource(MessagingClient messaging, CallerContext context) {
        this.messaging = messaging;
        this.context = context;
    }

    @GET
    @Path("/notifications")
    @Operation(summary = "The in-app inbox")
    public Uni<JsonNode> notifications() {
        return context.customerId().chain(messaging::notifications);
    }

    @POST
    @Path("/alerts")
    @Operation(summary = "Tell me when this SKU is back in stock at this store (on my preferred channel)")
    public Uni<RestResponse<JsonNode>> alert(@NotNull @Valid AlertRequest alert) {
        return context.customerId()
                .chain(id -> messaging.alert(new Alert(id, alert.sku(), alert.storeId()), context.idempotencyKey()))
                .map(Relay::answer);
    }
}
