package dev.omnichannel.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders kustomizations with the real `kubectl kustomize`, once per folder per test run. */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<Path, List<Manifest>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static List<Manifest> overlay(String name) {
        return render(Repository.OVERLAYS.resolve(name));
    }

    static List<Manifest> render(Path kustomization) {
        return RENDERED.computeIfAbsent(kustomization.toAbsolutePath().normalize(), Kustomize::run);
    }

    static String renderText(Path kustomization) {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                    .redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the kustomize overlays and was not found on the PATH "
                    + "(install kubectl 1.27 or newer, which embeds kustomize 5): " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            var stdout = process.getInputStream().readAllBytes();
            var stderr = process.getErrorStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n"
                        + new String(stderr, StandardCharsets.UTF_8));
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Manifest> parse(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    manifests.add(new Manifest(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(manifests);
    }

    private static List<Manifest> run(Path kustomization) {
        return parse(renderText(kustomization));
    }
}
