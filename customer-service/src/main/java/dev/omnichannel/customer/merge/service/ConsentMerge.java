package dev.omnichannel.customer.merge.service;

import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.profile.domain.Consent;
import dev.omnichannel.customer.profile.repository.ConsentRepository;
import dev.omnichannel.customer.support.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The consents' part of a merge: the duplicate's consents join the survivor's, a refusal on either
 * side winning; an undo gives each side its own back.
 */
@ApplicationScoped
class ConsentMerge {

    private final ConsentRepository consents;

    ConsentMerge(ConsentRepository consents) {
        this.consents = consents;
    }

    Uni<Void> merge(UUID survivorId, UUID duplicateId) {
        return Sql.inOrder(
                // the most restrictive wins: a refusal on either side is a refusal
                () -> Sql.update("""
                        INSERT INTO consent (id, customer_id, channel, granted, at, given_on)
                        SELECT gen_random_uuid(), ?1, channel, granted, at, given_on FROM consent WHERE customer_id = ?2
                        ON CONFLICT ON CONSTRAINT consent_unique DO UPDATE
                        SET granted = FALSE, at = EXCLUDED.at, given_on = EXCLUDED.given_on
                        WHERE consent.granted AND NOT EXCLUDED.granted
                        """, survivorId, duplicateId),
                () -> Sql.update("DELETE FROM consent WHERE customer_id = ?1", duplicateId));
    }

    /**
     * Each side gets its own consents back. A consent the customer changed after the merge is
     * their latest word and stays on the survivor.
     */
    Uni<Void> undo(UUID survivorId, UUID duplicateId, MergeRecord record, Instant mergedAt) {
        Map<String, MergeRecord.ConsentState> had = record.survivorConsents().stream()
                .collect(Collectors.toMap(MergeRecord.ConsentState::channel, Function.identity()));
        return consents.listOf(survivorId).chain(current -> {
            List<Supplier<Uni<?>>> steps = new ArrayList<>();
            for (Consent consent : current) {
                if (consent.at.isAfter(mergedAt)) {
                    continue;
                }
                MergeRecord.ConsentState before = had.get(consent.channel);
                if (before == null) {
                    steps.add(() -> consents.delete(consent));
                } else {
                    consent.granted = before.granted();
                    consent.at = before.at();
                    consent.givenOn = before.givenOn();
                }
            }
            return Sql.inOrder(steps.toArray(Supplier[]::new));
        }).chain(() -> Sql.persistAll(record.duplicateConsents().stream().map(c -> {
            Consent consent = new Consent();
            consent.id = UUID.randomUUID();
            consent.customerId = duplicateId;
            consent.channel = c.channel();
            consent.granted = c.granted();
            consent.at = c.at();
            consent.givenOn = c.givenOn();
            return consent;
        }).toList()));
    }
}
