package dev.omnichannel.messaging.support;

import static dev.omnichannel.messaging.support.Api.asGateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.shared.personal.PersonalDataSeal;
import dev.omnichannel.testing.TopicProbe;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads what messaging publishes as its consumers do: the personal fields opened with messaging's key of the customer. */
public final class PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, byte[]> KEYS = new ConcurrentHashMap<>();

    private PersonalData() {
    }

    /** The record's data with its sealed fields opened (absent when messaging's key of the customer is gone). */
    public static JsonNode opened(TopicProbe.Received record) {
        JsonNode data = record.data();
        if (!PersonalDataSeal.isSealed(data)) {
            return data;
        }
        Optional<byte[]> key = Optional.ofNullable(KEYS.get(record.key())).or(() -> keyOf(record.key()));
        key.ifPresent(found -> KEYS.put(record.key(), found));
        return PersonalDataSeal.open(JSON, (ObjectNode) data, key, record.key());
    }

    /** Messaging's key of the customer as a consuming service gets it ({@code GET /internal/personal-data-keys/{id}}); empty once erased. */
    public static Optional<byte[]> keyOf(String customerId) {
        Response answer = asGateway().get("/internal/personal-data-keys/{id}", customerId);
        return answer.statusCode() == 200 ? Optional.of(Base64.getDecoder().decode(answer.path("key").toString()))
                : Optional.empty();
    }
}
