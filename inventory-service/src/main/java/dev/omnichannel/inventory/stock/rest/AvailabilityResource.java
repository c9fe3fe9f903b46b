package dev.omnichannel.inventory.stock.rest;

import dev.omnichannel.inventory.stock.service.AvailabilityService;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;

/** Availability of many SKUs at one store, for carts. */
@Path("/availability")
@RolesAllowed("service")
public class AvailabilityResource {

    private static final int MAX_SKUS = 100;

    private final AvailabilityService availability;

    AvailabilityResource(AvailabilityService availability) {
        this.availability = availability;
    }

    /** {@code skus=A,B} at {@code storeId}. */
    @GET
    public Uni<List<SkuAvailability>> bulk(@QueryParam("skus") @NotBlank String skus,
            @QueryParam("storeId") @NotBlank String storeId) {
        List<String> list = Arrays.stream(skus.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (list.isEmpty() || list.size() > MAX_SKUS) {
            throw ProblemException.badRequest("skus", "between 1 and " + MAX_SKUS + " SKUs");
        }
        return availability.bulk(list, storeId);
    }
}
