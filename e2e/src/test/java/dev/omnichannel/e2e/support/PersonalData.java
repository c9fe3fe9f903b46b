package dev.omnichannel.e2e.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.shared.personal.PersonalDataSeal;
import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.LocalStack;
import dev.omnichannel.testing.TopicProbe;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.Optional;

/** Reads a customer snapshot on the topic as its consumers do: its sealed personal fields opened. */
public final class PersonalData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonalData() {
    }

    public static JsonNode opened(TopicProbe.Received record) {
        JsonNode data = record.data();
        if (!PersonalDataSeal.isSealed(data)) {
            return data;
        }
        Response answer = given().baseUri(LocalStack.CUSTOMER_SERVICE).auth().oauth2(KeycloakTokens.gateway())
                .get("/internal/personal-data-keys/{id}", record.key());
        Optional<byte[]> key = answer.statusCode() == 200
                ? Optional.of(Base64.getDecoder().decode(answer.path("key").toString())) : Optional.empty();
        return PersonalDataSeal.open(JSON, (ObjectNode) data, key, record.key());
    }
}
