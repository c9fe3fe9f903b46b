package dev.omnichannel.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check every service runs names what is out of place, and only that (fixtures: dev.omnichannel.shapefixture). */
class PackageShapeTest {

    private static final String ROOT = "dev.omnichannel.shapefixture";
    private final JavaClasses fixtures = new ClassFileImporter().importPackages(ROOT);

    @Test
    void only_the_classes_outside_a_feature_role_or_a_cross_cutting_package_are_named() {
        String placement = PackageShape.violations(fixtures, ROOT).getFirst();
        assertTrue(placement.endsWith(": [" + ROOT + ".cart.CartHelper, " + ROOT + ".rest.Orphan]"), placement);
    }

    @Test
    void a_domain_class_that_depends_on_the_rest_layer_breaks_the_layers() {
        List<String> violations = PackageShape.violations(fixtures, ROOT);
        assertEquals(2, violations.size(), violations::toString);
        assertTrue(violations.get(1).contains("<" + ROOT + ".cart.domain.Cart")
                && violations.get(1).contains(ROOT + ".cart.rest.CartView>"), violations.get(1));
    }

    @Test
    void a_source_past_two_hundred_lines_fails_unless_it_says_why_it_is_one_unit(@TempDir Path sources) throws IOException {
        Path file = sources.resolve("Big.java");
        Files.write(file, Collections.nCopies(PackageShape.MOST_LINES + 1, "// a line"));
        AssertionError failure = assertThrows(AssertionError.class, () -> PackageShape.assertSmall(sources));
        assertTrue(failure.getMessage().contains("Big.java"), failure.getMessage());

        Files.writeString(file, "/** " + PackageShape.ONE_UNIT + " one state machine. */\n" + Files.readString(file));
        assertDoesNotThrow(() -> PackageShape.assertSmall(sources));
    }
}
