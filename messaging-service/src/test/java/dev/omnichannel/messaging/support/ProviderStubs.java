package dev.omnichannel.messaging.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The SMS, push and WhatsApp providers, stubbed over real HTTP for the service's REST clients.
 * Every request is recorded; an address made failing gets 503. Tests read and steer it over HTTP
 * ({@link Providers}): {@code GET /_requests/{channel}}, {@code POST /_fail/{channel}} with the address.
 */
public class ProviderStubs implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<JsonNode>> requests = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> failing = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/sms/messages", exchange -> provider("sms", exchange));
        server.createContext("/whatsapp/messages", exchange -> provider("whatsapp", exchange));
        server.createContext("/push/notifications", exchange -> provider("push", exchange));
        server.createContext("/_requests/", this::requests);
        server.createContext("/_fail/", this::fail);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.sms.url", base + "/sms",
                "quarkus.rest-client.whatsapp.url", base + "/whatsapp",
                "quarkus.rest-client.push.url", base + "/push",
                "omni.test.providers-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void provider(String channel, HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String address = body.has("tokens") ? body.path("tokens").path(0).asText() : body.path("to").asText();
        boolean fails = failing.getOrDefault(channel, Set.of()).contains(address);
        ObjectNode recorded = ((ObjectNode) body.deepCopy()).put("_status", fails ? 503 : 200);
        requests.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(recorded);
        if (fails) {
            respond(exchange, 503, "{\"error\":\"unavailable\"}");
        } else {
            respond(exchange, 200, JSON.createObjectNode().put("id", channel + "-" + body.path("reference").asText()).toString());
        }
    }

    private void requests(HttpExchange exchange) throws IOException {
        String channel = exchange.getRequestURI().getPath().substring("/_requests/".length());
        ArrayNode all = JSON.createArrayNode();
        requests.getOrDefault(channel, List.of()).forEach(all::add);
        respond(exchange, 200, all.toString());
    }

    private void fail(HttpExchange exchange) throws IOException {
        String channel = exchange.getRequestURI().getPath().substring("/_fail/".length());
        String address = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
        failing.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(address);
        respond(exchange, 204, null);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
