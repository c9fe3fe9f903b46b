package dev.omnichannel.customer.support;

import static dev.omnichannel.customer.support.Service.asGateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.shared.personal.PersonalDataSeal;
import dev.omnichannel.testing.TopicProbe;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.Optional;

/** Reads a published snapshot as its consumers do: its personal fields opened with the customer's key. */
public final class PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonalData() {
    }

    /** The record's data with its sealed fields opened (absent when the customer's key is gone). */
    public static JsonNode opened(TopicProbe.Received record) {
        JsonNode data = record.data();
        if (!PersonalDataSeal.isSealed(data)) {
            return data;
        }
        return PersonalDataSeal.open(JSON, (ObjectNode) data, keyOf(record.key()), record.key());
    }

    /** The customer's key as a consuming service gets it; empty once erased. */
    public static Optional<byte[]> keyOf(String customerId) {
        Response answer = asGateway().get("/internal/personal-data-keys/{id}", customerId);
        return answer.statusCode() == 200 ? Optional.of(Base64.getDecoder().decode(answer.path("key").toString()))
                : Optional.empty();
    }
}
