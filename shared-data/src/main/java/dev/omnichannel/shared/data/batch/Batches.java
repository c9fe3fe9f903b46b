package dev.omnichannel.shared.data.batch;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * A job over many rows done in short statements (deletes of expired rows, claims of due ones): each
 * batch touches at most {@code size} rows, and the next one runs only once the previous came back full,
 * so no statement holds its locks for long and several replicas may run the same job.
 */
public final class Batches {

    private Batches() {
    }

    /** Runs {@code batch} until it answers fewer than {@code size} rows; answers the rows of every batch. */
    public static Uni<Integer> untilShort(int size, Supplier<Uni<Integer>> batch) {
        return batch.get().chain(count -> count < size ? Uni.createFrom().item(count)
                : untilShort(size, batch).map(more -> count + more));
    }
}
