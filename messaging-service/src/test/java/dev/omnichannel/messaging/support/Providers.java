package dev.omnichannel.messaging.support;

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
import org.eclipse.microprofile.config.ConfigProvider;

/** What the stubbed SMS, push and WhatsApp providers received, and how to make one fail. */
public final class Providers {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Providers() {
    }

    /** Every request the provider got (accepted or refused, {@code _status}), oldest first. */
    public static List<JsonNode> requests(String channel) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/_requests/" + channel)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(response.body()).forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<JsonNode> requests(String channel, Predicate<JsonNode> matching) {
        return requests(channel).stream().filter(matching).toList();
    }

    public static JsonNode await(String channel, Predicate<JsonNode> matching) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            found[0] = requests(channel).stream().filter(matching).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** From now on the provider answers 503 for this address (phone number or device token). */
    public static void failFor(String channel, String address) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/_fail/" + channel))
                    .POST(HttpRequest.BodyPublishers.ofString(address)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String base() {
        return ConfigProvider.getConfig().getValue("omni.test.providers-url", String.class);
    }
}
