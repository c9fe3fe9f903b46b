package dev.omnichannel.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The package convention every service follows (docs/package-convention.md): under the service's root package, a
 * class lives in {@code <feature>.<role>} with a role from {@link #ROLES}, or in one of the cross-cutting
 * packages {@link #CROSS_CUTTING}; the root holds only the JAX-RS application. Inside a feature, the domain
 * depends on neither the REST layer nor the services, and repositories not on the REST layer. A source file of
 * the service is at most {@value #MOST_LINES} lines, unless its class comment says why, after {@value #ONE_UNIT}.
 */
public final class PackageShape {

    public static final Set<String> ROLES = Set.of("rest", "service", "repository", "domain", "events", "client", "config");
    public static final Set<String> CROSS_CUTTING = Set.of("config", "support", "client");
    public static final int MOST_LINES = 200;
    public static final String ONE_UNIT = "Kept as one unit:";

    private PackageShape() {
    }

    /** Fails, naming every class out of place, when the compiled main classes of {@code rootPackage} break the convention. */
    public static void assertFollowed(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(rootPackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no compiled class under " + rootPackage);
        }
        List<String> failures = violations(classes, rootPackage);
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    /** What breaks the convention among {@code classes} under {@code rootPackage}: empty when nothing does. */
    public static List<String> violations(JavaClasses classes, String rootPackage) {
        Set<String> misplaced = new TreeSet<>();
        for (JavaClass type : classes) {
            if (type.isTopLevelClass() && !placed(rootPackage, type)) {
                misplaced.add(type.getName());
            }
        }
        List<String> failures = new ArrayList<>();
        if (!misplaced.isEmpty()) {
            failures.add("not in <feature>.{" + String.join(",", new TreeSet<>(ROLES)) + "} nor in "
                    + new TreeSet<>(CROSS_CUTTING) + ": " + misplaced);
        }
        for (ArchRule rule : layers(rootPackage)) {
            var result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        return failures;
    }

    /**
     * Fails, naming them, when source files under {@code sources} (a module's src/main/java) are longer than
     * {@value #MOST_LINES} lines and do not say why after {@value #ONE_UNIT}: past that a class mixes concerns.
     */
    public static void assertSmall(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(PackageShape::tooLong).map(file -> sources.relativize(file) + "").sorted().toList();
            if (!tooLong.isEmpty()) {
                throw new AssertionError("over " + MOST_LINES + " lines without a \"" + ONE_UNIT + "\" comment"
                        + " (split them along what they mix): " + tooLong);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean tooLong(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.size() > MOST_LINES && lines.stream().noneMatch(line -> line.contains(ONE_UNIT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean placed(String root, JavaClass type) {
        String relative = type.getPackageName().equals(root) ? "" : type.getPackageName().substring(root.length() + 1);
        if (relative.isEmpty()) {
            return type.isAssignableTo("jakarta.ws.rs.core.Application");
        }
        String[] parts = relative.split("\\.");
        if (CROSS_CUTTING.contains(parts[0])) {
            // the gateway's clients of each service: client.<service>
            return parts.length == 1 || parts.length == 2 && parts[0].equals("client");
        }
        return parts.length == 2 && !ROLES.contains(parts[0]) && ROLES.contains(parts[1]);
    }

    private static List<ArchRule> layers(String root) {
        return List.of(
                noClasses().that().resideInAPackage(root + ".*.domain")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".*.rest", root + ".*.service")
                        .because("the domain is what the other layers build on").allowEmptyShould(true),
                noClasses().that().resideInAPackage(root + ".*.repository")
                        .should().dependOnClassesThat().resideInAPackage(root + ".*.rest")
                        .because("storage does not know the HTTP API").allowEmptyShould(true));
    }
}
