package dev.omnichannel.messaging.alert;

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

        static Alert of(AlertEntity entity) {
            return new Alert(entity.id.toString(), entity.customerId, entity.sku, entity.storeId, entity.status, entity.createdAt);
        }
    }
}
