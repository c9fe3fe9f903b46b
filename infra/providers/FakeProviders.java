import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Stand-in for the external SMS, push and WhatsApp providers of the local stack (GreenMail plays
 * the SMTP server). It accepts what messaging-service sends, keeps it, and shows it:
 *
 * <pre>
 *   POST /{channel}/...            accepted (202) and kept; channel = sms, push or whatsapp
 *   GET  /_messages[?channel=sms]  what was received, as a JSON array of the raw bodies
 *   POST /_fail?channel=sms        the channel answers 503 from now on (to see fallbacks)
 *   POST /_recover?channel=sms     the channel accepts again
 *   POST /_reset                   forget everything
 * </pre>
 *
 * Run by ./omni as a single-file program: {@code java FakeProviders.java <port>}.
 */
public class FakeProviders {

    private record Received(String channel, String path, String body, Instant at) {
    }

    private static final List<Received> RECEIVED = new ArrayList<>();
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    private static final Set<String> CHANNELS = Set.of("sms", "push", "whatsapp");

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8026");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", FakeProviders::handle);
        server.start();
        System.out.println("fake SMS/push/WhatsApp providers listening on http://127.0.0.1:" + port);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String channel = query != null && query.startsWith("channel=") ? query.substring("channel=".length()) : null;
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/_messages" -> answer(exchange, 200, list(channel));
                case "/_fail" -> {
                    FAILING.add(channel);
                    answer(exchange, 204, "");
                }
                case "/_recover" -> {
                    FAILING.remove(channel);
                    answer(exchange, 204, "");
                }
                case "/_reset" -> {
                    synchronized (RECEIVED) {
                        RECEIVED.clear();
                    }
                    FAILING.clear();
                    answer(exchange, 204, "");
                }
                default -> receive(exchange, method, path);
            }
        }
    }

    private static void receive(HttpExchange exchange, String method, String path) throws IOException {
        String channel = path.split("/").length > 1 ? path.split("/")[1] : "";
        if (!method.equals("POST") || !CHANNELS.contains(channel)) {
            answer(exchange, 404, "{\"error\":\"unknown provider endpoint\"}");
            return;
        }
        if (FAILING.contains(channel)) {
            answer(exchange, 503, "{\"error\":\"provider unavailable (simulated)\"}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id;
        synchronized (RECEIVED) {
            RECEIVED.add(new Received(channel, path, body, Instant.now()));
            id = channel + "-" + RECEIVED.size();
        }
        answer(exchange, 202, "{\"id\":\"" + id + "\",\"status\":\"accepted\"}");
    }

    private static String list(String channel) {
        StringBuilder json = new StringBuilder("[");
        synchronized (RECEIVED) {
            for (Received received : RECEIVED) {
                if (channel != null && !channel.equals(received.channel())) {
                    continue;
                }
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("{\"channel\":\"").append(received.channel())
                        .append("\",\"path\":\"").append(received.path())
                        .append("\",\"at\":\"").append(received.at())
                        .append("\",\"body\":").append(asJson(received.body()))
                        .append('}');
            }
        }
        return json.append(']').toString();
    }

    /** JSON bodies are shown as they came; anything else as a JSON string. */
    private static String asJson(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return trimmed;
        }
        return "\"" + trimmed.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of("application/json")));
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
