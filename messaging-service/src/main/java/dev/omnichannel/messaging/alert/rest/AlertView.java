package dev.omnichannel.messaging.alert.rest;

import dev.omnichannel.messaging.alert.domain.AlertEntity;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** {@code POST /alerts} and its answer. */
public final class AlertView {

    private AlertView() {
    }

    @RegisterForReflection
    public record AlertRequest(@NotBlank @Size(max = 100) String customerId, @NotBlank @Size(max = 100) String sku,
            @NotBlank @Size(max = 100) String storeId) {
    }

    @RegisterForReflection
    public record Alert(String id, String customerId, String sku, String storeId, String status, Instant createdAt) {

        public static Alert of(AlertEntity entity) {
            return new Alert(entity.id.toString(), entity.customerId, entity.sku, entity.storeId, entity.status, entity.createdAt);
        }
    }
}
