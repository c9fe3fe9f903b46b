package dev.omnichannel.gateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.omnichannel.testing.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What the gateway's tests run against: the three services stubbed over HTTP (WireMock), the real
 * PostgreSQL (database gateway_test, emptied at start) and the real Kafka with topics of this test
 * run's own, where the tests publish the events the read models are fed with (the real Keycloak
 * issues the tokens). Each run has new topics, so nothing an earlier run published is read again;
 * the earlier runs' topics are deleted.
 */
public class GatewayTestStack implements QuarkusTestResourceLifecycleManager {

    private static final String RUN_PREFIX = "gateway-test-";
    private static final String RUN = RUN_PREFIX + Long.toString(System.currentTimeMillis(), 36) + ".";
    public static final String STOCK_TOPIC = RUN + "inventory.stock";
    public static final String CATALOG_TOPIC = RUN + "inventory.catalog";
    public static final String CUSTOMER_TOPIC = RUN + "customer.events";
    public static final String FULFILMENT_TOPIC = RUN + "inventory.fulfilment";
    public static final String MESSAGING_TOPIC = RUN + "messaging.events";

    /** Keycloak's admin API is stubbed beside customer-service's, under this path: tests delete no real account. */
    public static final String KEYCLOAK_ADMIN = "/keycloak-admin/realms/omnichannel";

    static WireMockServer customer;
    static WireMockServer inventory;
    static WireMockServer messaging;

    @Override
    public Map<String, String> start() {
        customer = started();
        inventory = started();
        messaging = started();
        createTopics();
        return Map.of(
                "quarkus.rest-client.customer.url", customer.baseUrl(),
                "quarkus.rest-client.inventory.url", inventory.baseUrl(),
                "quarkus.rest-client.messaging.url", messaging.baseUrl(),
                "quarkus.rest-client.keycloak-admin.url", customer.baseUrl() + KEYCLOAK_ADMIN,
                "omni.feeds.stock-topic", STOCK_TOPIC,
                "omni.feeds.catalog-topic", CATALOG_TOPIC,
                "omni.feeds.customer-topic", CUSTOMER_TOPIC,
                "omni.feeds.fulfilment-topic", FULFILMENT_TOPIC,
                "omni.feeds.messaging-topic", MESSAGING_TOPIC);
    }

    @Override
    public void stop() {
        for (WireMockServer server : new WireMockServer[] { customer, inventory, messaging }) {
            if (server != null) {
                server.stop();
            }
        }
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(16).asynchronousResponseEnabled(true));
        server.start();
        return server;
    }

    private static void createTopics() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        try (Admin admin = Admin.create(config)) {
            List<String> earlierRuns = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.startsWith(RUN_PREFIX) && !topic.startsWith(RUN)).toList();
            admin.deleteTopics(earlierRuns); // not waited for: they only take room
            admin.createTopics(List.of(
                    new NewTopic(STOCK_TOPIC, 3, (short) 1).configs(compacted),
                    new NewTopic(CATALOG_TOPIC, 3, (short) 1).configs(compacted),
                    new NewTopic(CUSTOMER_TOPIC, 3, (short) 1),
                    new NewTopic(FULFILMENT_TOPIC, 3, (short) 1),
                    new NewTopic(MESSAGING_TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the test topics — is Kafka up (./omni start infra)?", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
