package dev.omnichannel.gateway;

import dev.omnichannel.testing.PackageShape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The service keeps the package convention of every service (docs/package-convention.md). */
class PackageShapeTest {

    @Test
    void every_class_sits_in_a_feature_role_or_a_cross_cutting_package() {
        PackageShape.assertFollowed("dev.omnichannel.gateway");
    }

    @Test
    void no_class_mixes_concerns_past_two_hundred_lines() {
        PackageShape.assertSmall(Path.of("src/main/java"));
    }
}
