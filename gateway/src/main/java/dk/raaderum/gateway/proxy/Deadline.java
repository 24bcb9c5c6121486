package dk.raaderum.gateway.proxy;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Waits for an asynchronous answer at most a given time: the answer (an item or a failure), or after the time the
 * timeout handler, exactly one of them. What arrives later is dropped. The timer runs on the caller's Vert.x context.
 */
final class Deadline {

    private Deadline() {
    }

    static <T> void await(Vertx vertx, Uni<T> work, Duration timeout, Consumer<T> onItem,
            Consumer<Throwable> onFailure, Runnable onTimeout) {
        AtomicBoolean settled = new AtomicBoolean();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (settled.compareAndSet(false, true)) {
                onTimeout.run();
            }
        });
        work.subscribe().with(item -> {
            if (settled.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                onItem.accept(item);
            }
        }, failure -> {
            if (settled.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                onFailure.accept(failure);
            }
        });
    }
}
