package dev.omnichannel.e2e.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.testing.LocalStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations of the gateway's OpenAPI document ({@code /q/openapi}), as the tests that walk the contract read them. */
public final class OpenApiOperations {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiOperations() {
    }

    /**
     * One operation: its query parameters, the fields of its JSON body and the roles its security
     * requirement names (empty when it needs no token).
     */
    public record Operation(String method, String path, List<String> queryParameters, List<String> bodyFields,
            List<String> roles) {

        public boolean needsToken() {
            return !roles.isEmpty();
        }

        public boolean allows(String role) {
            return roles.contains(role);
        }

        /** The names of the path's parameters, in order. */
        public List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher parameter = PATH_PARAMETER.matcher(path);
            while (parameter.find()) {
                names.add(parameter.group(1));
            }
            return names;
        }

        /** The path with each parameter replaced by what {@code value} gives for its name. */
        public String pathWith(java.util.function.Function<String, String> value) {
            Matcher parameter = PATH_PARAMETER.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (parameter.find()) {
                parameter.appendReplacement(filled, Matcher.quoteReplacement(value.apply(parameter.group(1))));
            }
            return parameter.appendTail(filled).toString();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every operation of the running gateway's document. */
    public static List<Operation> all() {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(given().baseUri(LocalStack.GATEWAY)
                    .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException("the gateway's OpenAPI document is not JSON", e);
        }
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                operation.path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.path("name").asText());
                    }
                });
                List<String> fields = new ArrayList<>();
                JsonNode schema = resolved(document, operation.path("requestBody").path("content")
                        .path("application/json").path("schema"));
                schema.path("properties").fieldNames().forEachRemaining(fields::add);
                List<String> roles = new ArrayList<>();
                operation.path("security").forEach(requirement -> requirement.fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                operations.add(new Operation(method.toUpperCase(), path.getKey(), query, fields, roles));
            }
        }
        return operations;
    }

    private static JsonNode resolved(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
                ? document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }
}
