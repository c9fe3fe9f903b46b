package dev.omnichannel.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are in the repository this module tests. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("k8s");
    static final Path OVERLAYS = K8S.resolve("overlays");

    /** The four services, the module of each being its name. */
    static final List<String> SERVICES = List.of("gateway", "customer-service", "inventory-service", "messaging-service");
    /** The services the gateway calls. */
    static final List<String> CALLED_SERVICES = List.of("customer-service", "inventory-service", "messaging-service");
    /** The services that own a PostgreSQL database (the gateway's holds its view model): all of them. */
    static final List<String> SERVICES_WITH_DATABASE = SERVICES;

    private Repository() {
    }

    static int port(String service) {
        return switch (service) {
            case "gateway" -> 8080;
            case "customer-service" -> 8081;
            case "inventory-service" -> 8082;
            case "messaging-service" -> 8083;
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** The name of the service's database, of its owner and of the Secret ({@code <database>-db}) it logs in with. */
    static String database(String service) {
        return service.replaceFirst("-service$", "");
    }

    /** Every overlay: each folder of k8s/overlays with a kustomization.yaml. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(dir -> Files.exists(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
