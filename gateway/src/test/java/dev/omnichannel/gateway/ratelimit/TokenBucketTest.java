package dev.omnichannel.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.gateway.ratelimit.service.TokenBucket;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_burst_up_to_the_capacity_passes_then_the_next_request_waits_for_a_token() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        long wait = bucket.take(0);
        assertTrue(wait > 0 && wait <= SECOND, "waits about one second at 1 request/s, waited " + wait);
    }

    @Test
    void tokens_come_back_at_the_refill_rate_up_to_the_capacity() {
        TokenBucket bucket = new TokenBucket(2, 2, 0);
        bucket.take(0);
        bucket.take(0);
        assertEquals(0, bucket.take(SECOND / 2));
        // ten seconds later the bucket holds its capacity, not twenty tokens
        assertEquals(0, bucket.take(11 * SECOND));
        assertEquals(0, bucket.take(11 * SECOND));
        assertTrue(bucket.take(11 * SECOND) > 0);
    }
}
