package dev.omnichannel.shared.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crypto-shredding of the personal data events carry: an event's personal fields travel as one
 * AES-256-GCM sealed JSON object ({@code "sealed": "v1.<base64 of iv and ciphertext>"}) under a key
 * of that customer alone. Topics are kept for replays and rebuilds; erasing the customer destroys
 * the key, and every copy of those fields on every topic becomes unreadable at once, which
 * compaction (never immediate, and not applied to kept topics) cannot promise.
 * The customer id is the associated data: a sealed value copied into another customer's event does not open.
 */
public final class PersonalDataSeal {

    public static final String FIELD = "sealed";
    private static final String VERSION = "v1.";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataSeal() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** True when {@code data} carries sealed fields (a consumer needs the customer's key to read them). */
    public static boolean isSealed(JsonNode data) {
        return data != null && data.hasNonNull(FIELD);
    }

    /** {@code data} with {@code fields} moved into one sealed value; the fields it does not have are left out. */
    public static ObjectNode seal(ObjectMapper json, ObjectNode data, List<String> fields, byte[] key, String customerId) {
        ObjectNode personal = json.createObjectNode();
        ObjectNode sealed = data.deepCopy();
        for (String field : fields) {
            JsonNode value = sealed.remove(field);
            if (value != null) {
                personal.set(field, value);
            }
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, key, iv, customerId, personal.toString().getBytes(StandardCharsets.UTF_8));
        byte[] both = ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
        sealed.put(FIELD, VERSION + Base64.getEncoder().encodeToString(both));
        return sealed;
    }

    /**
     * {@code data} with its sealed fields back in place; without a key (the customer was erased) the
     * fields are simply absent. Data that was never sealed is returned as it is.
     */
    public static ObjectNode open(ObjectMapper json, ObjectNode data, Optional<byte[]> key, String customerId) {
        if (!isSealed(data)) {
            return data;
        }
        ObjectNode opened = data.deepCopy();
        String sealed = opened.remove(FIELD).asText();
        if (key.isEmpty()) {
            return opened;
        }
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("sealed personal data of an unknown version");
        }
        ByteBuffer both = ByteBuffer.wrap(Base64.getDecoder().decode(sealed.substring(VERSION.length())));
        byte[] iv = new byte[IV_BYTES];
        both.get(iv);
        byte[] ciphertext = new byte[both.remaining()];
        both.get(ciphertext);
        try {
            JsonNode personal = json.readTree(crypt(Cipher.DECRYPT_MODE, key.get(), iv, customerId, ciphertext));
            personal.properties().forEach(field -> opened.set(field.getKey(), field.getValue()));
            return opened;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("sealed personal data is not JSON", e);
        }
    }

    private static byte[] crypt(int mode, byte[] key, byte[] iv, String customerId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(customerId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("personal data does not " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open")
                    + " with this customer's key", e);
        }
    }
}
