package dev.omnichannel.customer.support;

import dev.omnichannel.shared.problem.ProblemException;
import java.util.regex.Pattern;

/** SKUs are readable codes ({@code TENT-2P}); anything else in a path is refused before it is stored. */
public final class Sku {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Sku() {
    }

    public static String check(String sku) {
        if (sku == null || !VALID.matcher(sku).matches()) {
            throw ProblemException.badRequest("sku", "a product code of letters, digits, '.', '_' or '-' (at most 64)");
        }
        return sku;
    }
}
