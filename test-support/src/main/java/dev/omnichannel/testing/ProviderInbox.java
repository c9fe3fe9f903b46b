package dev.omnichannel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * What the local fake SMS, push and WhatsApp providers (infra/providers, started by ./omni)
 * received, and switches to make a channel fail.
 */
public final class ProviderInbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request a provider received: its path and JSON (or string) body. */
    public record Delivery(String channel, String path, JsonNode body) {

        /** The body as text, to look for a phone number, a code or a name in it. */
        public String text() {
            return body.isTextual() ? body.asText() : body.toString();
        }
    }

    private ProviderInbox() {
    }

    public static List<Delivery> received(String channel) {
        JsonNode all = call("GET", "/_messages?channel=" + channel);
        List<Delivery> deliveries = new ArrayList<>();
        for (JsonNode node : all) {
            deliveries.add(new Delivery(node.path("channel").asText(), node.path("path").asText(), node.path("body")));
        }
        return deliveries;
    }

    public static Delivery await(String channel, Predicate<Delivery> matching, Duration timeout) {
        Delivery[] found = new Delivery[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            found[0] = received(channel).stream().filter(matching).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** From now on the channel's provider answers 503. */
    public static void fail(String channel) {
        call("POST", "/_fail?channel=" + channel);
    }

    public static void recover(String channel) {
        call("POST", "/_recover?channel=" + channel);
    }

    private static JsonNode call(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.PROVIDERS + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.body().isBlank() ? JSON.createArrayNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the fake providers are not reachable at " + LocalStack.PROVIDERS
                    + " — start them with ./omni start infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
