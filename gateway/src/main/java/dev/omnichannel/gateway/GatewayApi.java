package dev.omnichannel.gateway;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public API every channel uses (shared/design/API.md), documented at /q/openapi. */
@OpenAPIDefinition(
        info = @Info(title = "Omnichannel gateway", version = "1",
                description = "One API and one personalized view for storefront, mobile app, kiosks and staff. "
                        + "Errors are application/problem+json; mutations accept an Idempotency-Key header."),
        tags = {
                @Tag(name = "Customer", description = "The signed-in customer's own data (role customer)"),
                @Tag(name = "Guest", description = "Anonymous carts before login (no token; rate limited)"),
                @Tag(name = "Catalogue and stock", description = "Stores, products, availability; product reads may be anonymous"),
                @Tag(name = "Reservations, orders, returns", description = "Click & collect, endless aisle, returns anywhere"),
                @Tag(name = "Staff and admin", description = "Customer lookup and merges, stock movements, messaging")
        })
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A token of the realm omnichannel (clients storefront, mobile-app, kiosk, backoffice; audience omnichannel-api)")
public class GatewayApi extends Application {
}
