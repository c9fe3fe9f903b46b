package dev.omnichannel.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** The stubbed services of {@link GatewayTestStack}, and the answers most tests need. */
public final class Services {

    public static final String ALICE_SUBJECT = "a11ce000-0000-4000-8000-000000000001";
    public static final String BOB_SUBJECT = "b0b00000-0000-4000-8000-000000000002";
    /** The customer ids customer-service gives alice and bob in these tests. */
    public static final String ALICE = "0a11ce00-0000-4000-8000-0000000000a1";
    public static final String BOB = "0b0b0000-0000-4000-8000-0000000000b0";

    private Services() {
    }

    public static WireMockServer customer() {
        return GatewayTestStack.customer;
    }

    public static WireMockServer inventory() {
        return GatewayTestStack.inventory;
    }

    public static WireMockServer messaging() {
        return GatewayTestStack.messaging;
    }

    /** Forgets every stub and request, then lets customer-service resolve alice's and bob's subjects. */
    public static void reset() {
        customer().resetAll();
        inventory().resetAll();
        messaging().resetAll();
        resolves(ALICE_SUBJECT, ALICE, "Alice Martin");
        resolves(BOB_SUBJECT, BOB, "Bob Durand");
        inventory().stubFor(get(urlEqualTo("/locations")).willReturn(json(200, LOCATIONS)));
    }

    /** The demo locations, as inventory-service lists them. */
    public static final String LOCATIONS = """
            [{"id":"paris-louvre","name":"Paris Louvre","type":"store","location":{"lat":48.8606,"lon":2.3376},"pickup":true,
              "capabilities":["sells","pickup","returns"]},
             {"id":"paris-bastille","name":"Paris Bastille","type":"store","location":{"lat":48.8532,"lon":2.3691},"pickup":true,
              "capabilities":["sells","pickup","returns"]},
             {"id":"lyon-part-dieu","name":"Lyon Part-Dieu","type":"store","location":{"lat":45.7605,"lon":4.8597},"pickup":true,
              "capabilities":["sells","pickup","returns"]},
             {"id":"marseille-vieux-port","name":"Marseille Vieux-Port","type":"store","location":{"lat":43.2951,"lon":5.3740},
              "pickup":false,"capabilities":["sells","returns"]},
             {"id":"wh-orleans","name":"Orléans warehouse","type":"warehouse","location":{"lat":47.9030,"lon":1.9093},
              "pickup":false,"capabilities":["ship-from"]}]
            """;

    /** customer-service finds this customer for this subject (its profile, version 1, holds the subject). */
    public static void resolves(String subject, String customerId, String name) {
        customer().stubFor(post(urlEqualTo("/customers/resolve"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("oidc")))
                .withRequestBody(matchingJsonPath("$.value", equalTo(subject)))
                .willReturn(json(200, """
                        {"id":"%s","displayName":"%s","version":1,"segments":[],"preferences":{},
                         "identities":[{"type":"oidc","value":"%s","provider":"keycloak","verified":true}]}
                        """.formatted(customerId, name, subject))));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder problem(int status, String title, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://omnichannel.dev/problems/x\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }
}
