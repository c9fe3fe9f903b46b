package dev.omnichannel.gateway.messaging.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.messaging.service.MessagesKept;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The customer's inbox (every message sent to them, on every channel) and back-in-stock alerts. */
@Path("/api/v1/me")
@Tag(name = "Customer")
@RolesAllowed(Caller.CUSTOMER)
public class InboxResource {

    public record AlertRequest(@NotBlank String sku, @NotBlank String storeId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Alert(String customerId, String sku, String storeId) {
    }

    /** The largest page of the inbox; a larger {@code size} is capped to it. */
    static final int MAX_PAGE_SIZE = 100;

    private final MessagingClient messaging;
    private final CallerContext context;
    private final MessagesKept kept;

    public InboxResource(MessagingClient messaging, CallerContext context, MessagesKept kept) {
        this.messaging = messaging;
        this.context = context;
        this.kept = kept;
    }

    @GET
    @Path("/notifications")
    @Operation(summary = "My inbox: every message sent to me, on any channel, newest first",
            description = "Paged (`page` from 0, `size` default 20, capped at 100): `items[]` with `id`, `channel` "
                    + "(email, sms, push, whatsapp, in-app), `status`, `sentAt`, `title` and `body` as rendered for that "
                    + "channel, `link`, `read`.")
    public Uni<JsonNode> notifications(@QueryParam("page") @PositiveOrZero Integer page,
            @QueryParam("size") @PositiveOrZero Integer size) {
        return context.customerId().chain(id -> messaging.notifications(id, page, capped(size)));
    }

    @POST
    @Path("/notifications/{id}/read")
    @Operation(summary = "I read this message of my inbox: 200 with it (read); another customer's answers 404")
    public Uni<JsonNode> read(@PathParam("id") String notificationId) {
        return context.customerId().chain(customerId -> messaging.readNotification(customerId, notificationId)
                .call(() -> kept.summaryOf(customerId)));
    }

    static Integer capped(Integer size) {
        return size == null ? null : Math.min(size, MAX_PAGE_SIZE);
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
