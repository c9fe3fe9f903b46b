package dev.omnichannel.gateway.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.testing.KeycloakTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages are served by the gateway, same origin as the API, under a strict content security policy. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class PagesTest {

    static final Path PAGES = Path.of("src/main/resources/META-INF/resources");

    @Test
    void the_landing_page_and_the_three_channels_are_served() {
        for (String page : List.of("/", "/storefront/", "/kiosk/", "/backoffice/")) {
            given().get(page).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8180"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        }
    }

    @Test
    void a_page_without_its_trailing_slash_leads_to_it() {
        given().redirects().follow(false).get("/kiosk?from=qr").then().statusCode(302)
                .header("Location", containsString("/kiosk/?from=qr"));
    }

    @Test
    void the_libraries_are_served_locally() {
        given().get("/vendor/keycloak-js-26.2.4/keycloak.js").then().statusCode(200).body(containsString("class Keycloak"));
        given().get("/vendor/chart.js-4.5.1/chart.umd.min.js").then().statusCode(200).body(containsString("Chart.js v4.5.1"));
    }

    @Test
    void the_pages_learn_where_keycloak_is() {
        given().get("/pages/config").then().statusCode(200)
                .body("keycloakUrl", equalTo("http://localhost:8180"))
                .body("realm", equalTo("omnichannel"));
    }

    @Test
    void no_page_script_or_library_refers_to_anything_but_the_gateway_and_keycloak() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/vendor/")).toList()) {
                String text = Files.readString(file);
                assertFalse(text.matches("(?s).*(src|href)=\"(https?:)?//.*"), file + " loads something from elsewhere");
            }
        }
    }

    @Test
    void the_kiosk_client_secret_is_in_no_served_file() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            List<Path> served = files.filter(Files::isRegularFile).toList();
            assertTrue(served.size() > 5, "the pages are there: " + served);
            for (Path file : served) {
                String path = "/" + PAGES.relativize(file).toString().replace('\\', '/');
                String body = given().get(path).then().statusCode(200).extract().asString();
                assertFalse(body.contains(KeycloakTokens.KIOSK_SECRET), path + " holds the kiosk client secret");
            }
        }
    }
}
