package dev.omnichannel.gateway.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.security.Caller;
import dev.omnichannel.gateway.security.CustomerDirectory;
import dev.omnichannel.gateway.view.model.ViewUpdates;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A customer's data as a whole: the export gathers it from every service; the erasure starts at customer-service. */
@ApplicationScoped
public class CustomerAccount {

    private final CustomerClient customers;
    private final InventoryClient inventory;
    private final MessagingClient messaging;
    private final CustomerDirectory directory;
    private final ObjectMapper json;
    private final ViewUpdates views;

    public CustomerAccount(CustomerClient customers, InventoryClient inventory, MessagingClient messaging,
            CustomerDirectory directory, ObjectMapper json, ViewUpdates views) {
        this.views = views;
        this.customers = customers;
        this.inventory = inventory;
        this.messaging = messaging;
        this.directory = directory;
        this.json = json;
    }

    /** The profile service's export, with reservations, orders, conversations and notifications beside it. */
    public Uni<JsonNode> export(String customerId) {
        return Uni.combine().all().unis(customers.export(customerId), inventory.reservationsOf(customerId, null),
                inventory.ordersOf(customerId), messaging.conversationsOf(customerId), messaging.notifications(customerId))
                .with((profile, reservations, orders, conversations, notifications) -> {
                    ObjectNode export = json.createObjectNode();
                    export.set("customer", profile);
                    export.set("reservations", reservations);
                    export.set("orders", orders);
                    export.set("conversations", conversations);
                    export.set("notifications", notifications);
                    return export;
                });
    }

    public Uni<Void> erase(String customerId, Caller caller, String idempotencyKey) {
        return customers.erase(customerId, idempotencyKey)
                .chain(() -> views.erased(customerId))
                .chain(() -> directory.forget(caller.subject()));
    }
}
