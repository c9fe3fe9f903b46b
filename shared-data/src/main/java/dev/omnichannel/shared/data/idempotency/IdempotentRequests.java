package dev.omnichannel.shared.data.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Makes a mutation safe to retry with an {@code Idempotency-Key}: the first call runs and its
 * result is stored in the same transaction; a retry with the same key and request gets that
 * result back and changes nothing; the same key with another request is refused (422).
 *
 * <p>A concurrent retry waits on the key's row until the first call commits. If the first call
 * fails, its transaction rolls back with the key, so a retry runs again.
 */
@ApplicationScoped
public class IdempotentRequests {

    static final int MAX_KEY_LENGTH = 200;

    private final ObjectMapper mapper;

    IdempotentRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Must be called inside the transaction of the mutation. {@code key} may be null (no idempotency asked). */
    public <T> Uni<T> once(String key, String scope, Object request, Class<T> resultType, Supplier<Uni<T>> action) {
        return once(key, scope, request, mapper.constructType(resultType), action);
    }

    public <T> Uni<T> once(String key, String scope, Object request, JavaType resultType, Supplier<Uni<T>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        String requestHash;
        try {
            requestHash = requestHash(key, request);
        } catch (ProblemException tooLong) {
            return Uni.createFrom().failure(tooLong);
        }
        return Panache.getSession().chain(session -> claim(session, scope, key, requestHash)
                .chain(claimed -> claimed
                        ? action.get().call(result -> store(session, scope, key, result))
                        : replay(session, scope, key, requestHash, resultType)));
    }

    /**
     * For a mutation that claims its key itself, in the statement that makes it (a database
     * function writing {@code idempotency_record}): the hash of the request it stores beside the
     * key; null without a key. A key too long is refused here (400).
     */
    public String requestHash(String key, Object request) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("Idempotency-Key", "at most " + MAX_KEY_LENGTH + " characters");
        }
        return sha256(toJson(request));
    }

    /** The first answer stored for a key, read back as a retry answers it. */
    public <T> T replayed(String stored, Class<T> resultType) {
        try {
            return mapper.readValue(stored, resultType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored response is unreadable", e);
        }
    }

    /** The 422 of a key used again with another request. */
    public static ProblemException reused() {
        return ProblemException.unprocessable("idempotency-key-reused",
                "This Idempotency-Key was already used with a different request");
    }

    /** A result as the answer a retry gets. */
    public String stored(Object result) {
        return toJson(result);
    }

    private Uni<Boolean> claim(Mutiny.Session session, String scope, String key, String requestHash) {
        return session.createNativeQuery(
                "INSERT INTO idempotency_record (scope, key, request_hash) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash)
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    private Uni<Integer> store(Mutiny.Session session, String scope, String key, Object result) {
        return session.createNativeQuery("UPDATE idempotency_record SET response = ?1 WHERE scope = ?2 AND key = ?3")
                .setParameter(1, toJson(result)).setParameter(2, scope).setParameter(3, key)
                .executeUpdate();
    }

    private <T> Uni<T> replay(Mutiny.Session session, String scope, String key, String requestHash, JavaType resultType) {
        return session.createNativeQuery(
                "SELECT response FROM idempotency_record WHERE scope = ?1 AND key = ?2 AND request_hash = ?3", String.class)
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash)
                .getSingleResultOrNull()
                .map(stored -> {
                    if (stored == null) {
                        throw reused();
                    }
                    try {
                        return mapper.<T>readValue(stored, resultType);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored response of key " + key + " is unreadable", e);
                    }
                });
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
