package dev.omnichannel.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The images the manifests deploy: each service's Dockerfile.jvm copies the Quarkus fast-jar
 * (target/quarkus-app: lib/, the quarkus-run.jar, app/, quarkus/) where the ubi image's
 * run-java.sh starts it, Dockerfile.native copies the runner; both run as the user the manifests
 * expect. And the native build: the profile, and the reflection registrations the code needs.
 */
class ContainerImagesTest {

    private static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    static List<String> services() {
        return Repository.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void the_jvm_image_copies_the_fast_jar_where_run_java_starts_it(String service) throws IOException {
        String dockerfile = dockerfile(service, "jvm");
        Map<String, String> copies = copies(dockerfile);
        assertEquals(Map.of(
                "target/quarkus-app/lib/", "/deployments/lib/",
                "target/quarkus-app/*.jar", "/deployments/",
                "target/quarkus-app/app/", "/deployments/app/",
                "target/quarkus-app/quarkus/", "/deployments/quarkus/"), copies, service + " Dockerfile.jvm COPY lines");
        assertTrue(dockerfile.contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), service + " starts quarkus-run.jar");
        assertTrue(dockerfile.contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]"), service);
        assertTrue(Pattern.compile("^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-25-runtime:[0-9.]+$", Pattern.MULTILINE)
                .matcher(dockerfile).find(), service + " runs on the Java 25 runtime the build targets, pinned");
        assertCommon(service, dockerfile);
        for (String copy : copies.keySet()) {
            assertTrue(copy.startsWith("target/quarkus-app/"), copy);
        }

        // When the module has been packaged, every COPY source exists and the jar is the fast-jar's.
        Path app = Repository.ROOT.resolve(service).resolve("target/quarkus-app");
        if (Files.isDirectory(app)) {
            for (String dir : List.of("lib", "app", "quarkus")) {
                assertTrue(Files.isDirectory(app.resolve(dir)), service + " built " + app.resolve(dir));
            }
            assertTrue(Files.isRegularFile(app.resolve("quarkus-run.jar")), service + " built quarkus-run.jar");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void the_native_image_copies_the_runner(String service) throws IOException {
        String dockerfile = dockerfile(service, "native");
        assertEquals(Map.of("target/*-runner", "/work/application"), copies(dockerfile), service + " Dockerfile.native COPY lines");
        assertTrue(dockerfile.contains("--chmod=0755"), service + " runner is executable");
        assertTrue(dockerfile.contains("ENTRYPOINT [\"./application\", \"-Dquarkus.http.host=0.0.0.0\"]"), service);
        assertTrue(dockerfile.contains("WORKDIR /work/"), service);
        assertTrue(Pattern.compile("^FROM registry\\.access\\.redhat\\.com/ubi9/ubi-minimal:[0-9.]+$", Pattern.MULTILINE)
                .matcher(dockerfile).find(), service + " runs on UBI 9 like the Mandrel builder, pinned");
        assertCommon(service, dockerfile);
    }

    @Test
    void the_native_profile_builds_in_a_container() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Repository.ROOT.resolve("pom.xml").toFile());
        Map<String, String> properties = new TreeMap<>();
        var profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (profile.getElementsByTagName("id").item(0).getTextContent().equals("native")) {
                var props = ((Element) profile.getElementsByTagName("properties").item(0)).getChildNodes();
                for (int j = 0; j < props.getLength(); j++) {
                    if (props.item(j) instanceof Element property) {
                        properties.put(property.getTagName(), property.getTextContent().trim());
                    }
                }
            }
        }
        assertEquals("true", properties.get("quarkus.native.enabled"));
        assertEquals("true", properties.get("quarkus.native.container-build"));
        assertEquals("false", properties.get("quarkus.package.jar.enabled"), "the runner alone, as Dockerfile.native expects");
    }

    /**
     * Jackson reads and writes the shared event records, CloudEvent and the problem types through
     * ObjectMapper outside REST endpoints (outbox, consumers, exception mappers), where Quarkus
     * does not register them for reflection: every service registers all of them, and may register
     * its own types besides (the gateway's view model parts, stored as JSON).
     */
    @ParameterizedTest
    @MethodSource("services")
    void the_native_build_registers_the_shared_types_for_reflection(String service) throws IOException {
        Path config = Repository.ROOT.resolve(service)
                .resolve("src/main/resources/META-INF/native-image/dev.omnichannel").resolve(service).resolve("reflect-config.json");
        JsonNode entries = new ObjectMapper().readTree(config.toFile());
        Map<String, JsonNode> registered = new LinkedHashMap<>();
        entries.forEach(entry -> registered.put(entry.path("name").asText(), entry));
        Map<String, String> expected = sharedJsonTypes();
        Set<String> shared = new TreeSet<>(registered.keySet());
        shared.removeIf(name -> name.startsWith("dev.omnichannel." + Repository.database(service) + "."));
        assertEquals(expected.keySet(), shared, service + " reflect-config.json names every shared JSON type (and its own types only)");
        for (var type : expected.entrySet()) {
            JsonNode entry = registered.get(type.getKey());
            for (String flag : List.of("allDeclaredConstructors", "allDeclaredMethods", "allDeclaredFields")) {
                assertTrue(entry.path(flag).asBoolean(), type.getKey() + " " + flag);
            }
            if (type.getValue().equals("record")) {
                assertTrue(entry.path("allRecordComponents").asBoolean(), type.getKey() + " record components");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void the_kubernetes_and_native_settings_stay_in_their_own_block(String service) {
        String properties = Repository.read(Repository.ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        int block = properties.indexOf("## Kubernetes and native");
        assertTrue(block >= 0, service + " has a '## Kubernetes and native' block");
        List<String> others = new ArrayList<>();
        String rest = properties.substring(block + 1);
        int next = rest.indexOf("\n## ");
        for (String line : (next < 0 ? rest : rest.substring(0, next)).lines().skip(1).toList()) {
            if (!line.isBlank() && !line.startsWith("#")
                    && !line.matches("(%\\w+\\.)?quarkus\\.(kubernetes|native|container-image)\\..*")) {
                others.add(line);
            }
        }
        assertEquals(List.of(), others, service + ": only quarkus.kubernetes.*, quarkus.native.* and quarkus.container-image.* there");
        assertTrue(properties.contains("quarkus.container-image.name=" + service), service);
    }

    /** Binary name -> record, enum or class, of the JSON types in shared's events and problem packages. */
    static Map<String, String> sharedJsonTypes() throws IOException {
        Map<String, String> types = new TreeMap<>();
        Path sources = Repository.ROOT.resolve("shared/src/main/java/dev/omnichannel/shared");
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(sources.resolve("events")), Files.walk(sources.resolve("problem")))) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        Pattern packageName = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
        for (Path file : files) {
            String source = Files.readString(file);
            String top = file.getFileName().toString().replace(".java", "");
            Matcher declaration = Pattern.compile("public (?:final )?(record|enum|class|interface) " + top + "\\b").matcher(source);
            if (!declaration.find() || declaration.group(1).equals("interface") || Set.of("ProblemException", "ProblemMappers", "Topics").contains(top)) {
                continue;
            }
            String name = matchOf(packageName, source) + "." + top;
            types.put(name, declaration.group(1));
            Matcher nested = Pattern.compile("\\b(record|enum) (\\w+)\\s*[({]").matcher(source);
            nested.region(declaration.end(), source.length());
            while (nested.find()) {
                types.put(name + "$" + nested.group(2), nested.group(1));
            }
        }
        assertTrue(types.containsKey("dev.omnichannel.shared.events.CloudEvent") && types.size() > 10, "shared types found: " + types);
        return types;
    }

    private static void assertCommon(String service, String dockerfile) {
        assertTrue(dockerfile.contains("\nUSER 185\n"), service + " runs as 185, the user the manifests set");
        assertTrue(dockerfile.contains("\nEXPOSE " + Repository.port(service) + "\n"), service + " exposes its port");
        assertFalse(dockerfile.contains(":latest"), service + " pins its base image");
    }

    private static Map<String, String> copies(String dockerfile) {
        Map<String, String> copies = new LinkedHashMap<>();
        Matcher matcher = COPY.matcher(dockerfile);
        while (matcher.find()) {
            copies.put(matcher.group(1), matcher.group(2));
        }
        return copies;
    }

    private static String dockerfile(String service, String type) throws IOException {
        return Files.readString(Repository.ROOT.resolve(service).resolve("src/main/docker/Dockerfile." + type));
    }

    private static String matchOf(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in source");
        }
        return matcher.group(1);
    }
}
