package dev.omnichannel.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.gateway.ratelimit.rest.LoadShedding;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The bound itself; OverloadChaos (e2e) offers four times the saturation rate to the running gateway. */
class LoadSheddingTest {

    @Test
    void past_the_bound_a_request_is_shed_and_counted_until_one_in_flight_ends() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        LoadShedding shedding = new LoadShedding(2, metrics);

        assertTrue(shedding.admit());
        assertTrue(shedding.admit());
        assertFalse(shedding.admit(), "a third request while two are in flight");
        assertFalse(shedding.admit());
        shedding.release();
        assertTrue(shedding.admit(), "one ended: room for one more");
        assertFalse(shedding.admit());
        assertEquals(3.0, metrics.get("omni.gateway.requests.shed").counter().count());
    }
}
