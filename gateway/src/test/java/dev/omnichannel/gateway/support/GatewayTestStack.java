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
 * What the gateway's tests run against: the three services stubbed over HTTP (WireMock), and the
 * real Kafka with a compacted stock topic of the tests' own (the real Keycloak issues the tokens).
 */
public class GatewayTestStack implements QuarkusTestResourceLifecycleManager {

    public static final String STOCK_TOPIC = "gateway-test.inventory.stock";

    static WireMockServer customer;
    static WireMockServer inventory;
    static WireMockServer messaging;

    @Override
    public Map<String, String> start() {
        customer = started();
        inventory = started();
        messaging = started();
        createStockTopic();
        return Map.of(
                "quarkus.rest-client.customer.url", customer.baseUrl(),
                "quarkus.rest-client.inventory.url", inventory.baseUrl(),
                "quarkus.rest-client.messaging.url", messaging.baseUrl(),
                "omni.stock-feed.topic", STOCK_TOPIC);
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

    private static void createStockTopic() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(STOCK_TOPIC, 3, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + STOCK_TOPIC + " — is Kafka up (./omni start infra)?", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
