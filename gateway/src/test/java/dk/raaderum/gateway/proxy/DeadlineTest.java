package dk.raaderum.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A token check that waits for an identity provider that does not answer ends at the deadline, once. */
class DeadlineTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Runs {@code work} with the deadline; returns what was called, in order, once {@code settle} has passed. */
    private static List<String> outcomes(Uni<String> work, Duration timeout, Duration settle) throws Exception {
        List<String> called = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        Deadline.await(vertx, work, timeout,
                item -> { called.add("item:" + item); first.countDown(); },
                failure -> { called.add("failure:" + failure.getMessage()); first.countDown(); },
                () -> { called.add("timeout"); first.countDown(); });
        assertTrue(first.await(10, TimeUnit.SECONDS), "something is called");
        // what could still arrive (a late answer, the cancelled timer) has had its time
        return settle.isZero() ? called : awaitQuiet(called, settle);
    }

    private static List<String> awaitQuiet(List<String> called, Duration settle) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        never.await(settle.toMillis(), TimeUnit.MILLISECONDS);
        return called;
    }

    @Test
    void anAnswerThatNeverComesEndsAtTheDeadline() throws Exception {
        long started = System.nanoTime();
        List<String> called = outcomes(Uni.createFrom().nothing(), Duration.ofMillis(200), Duration.ZERO);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(List.of("timeout"), called);
        assertTrue(waited >= 190 && waited < 5_000, "waited " + waited + " ms");
    }

    @Test
    void anAnswerInTimeIsTakenAndTheTimerCancelled() throws Exception {
        assertEquals(List.of("item:ok"), outcomes(Uni.createFrom().item("ok"), Duration.ofMillis(100),
                Duration.ofMillis(300)));
        assertEquals(List.of("failure:forged"), outcomes(Uni.createFrom().failure(new IllegalStateException("forged")),
                Duration.ofMillis(100), Duration.ofMillis(300)));
    }

    @Test
    void anAnswerAfterTheDeadlineIsDropped() throws Exception {
        Uni<String> late = Uni.createFrom().item("late").onItem().delayIt().by(Duration.ofMillis(400));
        assertEquals(List.of("timeout"), outcomes(late, Duration.ofMillis(100), Duration.ofMillis(600)));
    }
}
