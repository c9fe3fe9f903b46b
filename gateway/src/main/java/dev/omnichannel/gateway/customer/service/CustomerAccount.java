package dev.omnichannel.gateway.customer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.gateway.client.Json;
import dev.omnichannel.gateway.client.ServiceProblemException;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.gateway.client.keycloak.KeycloakAccounts;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CustomerDirectory;
import dev.omnichannel.gateway.view.service.ViewUpdates;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer's data as a whole: the export gathers it from every service; the erasure starts at
 * customer-service and ends with the customer's Keycloak accounts.
 */
@ApplicationScoped
public class CustomerAccount {

    /** The largest page the services answer. */
    static final int EXPORT_PAGE_SIZE = 100;

    private final CustomerClient customers;
    private final InventoryClient inventory;
    private final MessagingClient messaging;
    private final CustomerDirectory directory;
    private final ObjectMapper json;
    private final ViewUpdates views;
    private final KeycloakAccounts accounts;

    public CustomerAccount(CustomerClient customers, InventoryClient inventory, MessagingClient messaging,
            CustomerDirectory directory, ObjectMapper json, ViewUpdates views, KeycloakAccounts accounts) {
        this.views = views;
        this.accounts = accounts;
        this.customers = customers;
        this.inventory = inventory;
        this.messaging = messaging;
        this.directory = directory;
        this.json = json;
    }

    /**
     * The profile service's export, with every reservation, order, review, conversation and
     * notification of the customer beside it, each list read page by page to its end.
     */
    public Uni<JsonNode> export(String customerId) {
        return Uni.combine().all().unis(customers.export(customerId),
                everyPage((page, size) -> inventory.reservationsOf(customerId, page, size)),
                everyPage((page, size) -> inventory.ordersOf(customerId, page, size)),
                everyPage((page, size) -> inventory.reviewsOf(customerId, page, size)),
                everyPage((page, size) -> messaging.conversationsOf(customerId, page, size)),
                everyPage((page, size) -> messaging.notifications(customerId, page, size)))
                .with((profile, reservations, orders, reviews, conversations, notifications) -> {
                    ObjectNode export = json.createObjectNode();
                    export.set("customer", profile);
                    export.set("reservations", reservations);
                    export.set("orders", orders);
                    export.set("reviews", reviews);
                    export.set("conversations", conversations);
                    export.set("notifications", notifications);
                    return export;
                });
    }

    /** A page of one of the customer's lists, as the services answer them ({@code {"items":[…],…}}). */
    @FunctionalInterface
    interface PageReader {
        Uni<JsonNode> read(int page, int size);
    }

    /** {@code {"items":[…]}}: every item of the list, read page by page until a short page. */
    private Uni<JsonNode> everyPage(PageReader list) {
        return pagesFrom(list, 0, json.createArrayNode()).map(items -> json.createObjectNode().set("items", items));
    }

    private Uni<ArrayNode> pagesFrom(PageReader list, int page, ArrayNode gathered) {
        return list.read(page, EXPORT_PAGE_SIZE).chain(answer -> {
            List<JsonNode> items = Json.items(answer);
            gathered.addAll(items);
            return items.size() < EXPORT_PAGE_SIZE ? Uni.createFrom().item(gathered) : pagesFrom(list, page + 1, gathered);
        });
    }

    /**
     * Erases the customer in every service (customer-service tells the others) and deletes the
     * Keycloak accounts they sign in with: their profile's OIDC subjects, and the caller's own, which
     * is all a retry still knows once the profile is gone.
     */
    public Uni<Void> erase(String customerId, Caller caller, String idempotencyKey) {
        return signInSubjects(customerId, caller)
                .call(subjects -> customers.erase(customerId, idempotencyKey))
                .call(() -> views.erased(customerId))
                .call(() -> directory.forget(caller.subject()))
                .chain(accounts::delete);
    }

    private Uni<Set<String>> signInSubjects(String customerId, Caller caller) {
        Set<String> subjects = new LinkedHashSet<>();
        if (caller.subject() != null && caller.isCustomer()) {
            subjects.add(caller.subject());
        }
        return customers.profile(customerId)
                .map(profile -> {
                    for (JsonNode identity : profile.path("identities")) {
                        if ("oidc".equals(identity.path("type").asText())) {
                            subjects.add(identity.path("value").asText());
                        }
                    }
                    return subjects;
                })
                .onFailure(e -> e instanceof ServiceProblemException problem && problem.status() == 404)
                .recoverWithItem(subjects);
    }
}
