package dev.omnichannel.gateway.support;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/** Where a request waiting on a feed's thread resumes: on its own Vert.x context, as if it had never left. */
public final class CallerContexts {

    private CallerContexts() {
    }

    /** The current Vert.x context as an executor; outside one, the completing thread itself. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
