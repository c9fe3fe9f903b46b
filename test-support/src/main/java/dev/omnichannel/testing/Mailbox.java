package dev.omnichannel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** The mails the local SMTP server (GreenMail) received for an address, read through its API. */
public final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One received mail: subject, raw MIME text (headers and body parts), recipient. */
    public record Mail(String subject, String mimeMessage, String to) {
    }

    private Mailbox() {
    }

    public static List<Mail> of(String address) {
        String url = LocalStack.MAIL_API + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404 || response.statusCode() == 400) {
                return List.of(); // no mail ever received for this address
            }
            List<Mail> mails = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(new Mail(message.path("subject").asText(), message.path("mimeMessage").asText(), address));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("the mail API is not reachable at " + LocalStack.MAIL_API, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Mail await(String address, Predicate<Mail> matching, Duration timeout) {
        Mail[] found = new Mail[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            found[0] = of(address).stream().filter(matching).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }
}
