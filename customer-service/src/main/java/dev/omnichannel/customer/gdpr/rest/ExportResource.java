package dev.omnichannel.customer.gdpr.rest;

import dev.omnichannel.customer.gdpr.service.ExportService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;

@Path("/customers/{id}/export")
@RolesAllowed("service")
public class ExportResource {

    private final ExportService exports;

    ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    public Uni<CustomerExport> export(@RestPath UUID id) {
        return exports.export(id);
    }
}
