package dk.raaderum.platform.messaging.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.LockTimeoutException;
import jakarta.validation.ConstraintViolationException;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Which failures a consumer waits out, which it dead-letters at once, and which it retries a few times. */
class FailureClassifierTest {

    @ParameterizedTest
    @ValueSource(strings = { "08001", "08006", "08003", "40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300" })
    void sqlStatesOfAnUnreachableOrBusyDatabaseAreTransient(String state) {
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(wrapped(new SQLException("x", state))));
    }

    @Test
    void connectionAndLockExceptionsAnywhereInTheChainAreTransient() {
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(wrapped(
                new JDBCConnectionException("lost", new SQLException("I/O error")))));
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(wrapped(
                new LockAcquisitionException("deadlock", new SQLException("deadlock")))));
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(wrapped(new LockTimeoutException("lock"))));
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(wrapped(new SQLTransientConnectionException("t"))));
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(wrapped(new SQLRecoverableException("r"))));
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(wrapped(new ConnectException("refused"))));
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(wrapped(
                new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void transientWinsOverPoisonInTheSameChain() {
        PoisonMessageException poison = new PoisonMessageException("handler gave up", new SQLException("gone", "08006"));
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(wrapped(poison)));
    }

    @Test
    void eventsThatCanNeverBeAppliedArePoison() {
        assertEquals(FailureKind.POISON, FailureClassifier.classify(wrapped(new PoisonMessageException("no", null))));
        assertEquals(FailureKind.POISON, FailureClassifier.classify(wrapped(new ConstraintViolationException("bad",
                Set.of()))));
        assertEquals(FailureKind.POISON, FailureClassifier.classify(wrapped(new SQLException("too long", "22001"))));
    }

    @Test
    void anythingElseIsRetriedAFewTimes() {
        assertEquals(FailureKind.OTHER, FailureClassifier.classify(new IllegalStateException("bug")));
        assertEquals(FailureKind.OTHER, FailureClassifier.classify(wrapped(new SQLException("syntax", "42601"))));
        assertEquals(FailureKind.OTHER, FailureClassifier.classify(wrapped(new SQLException("no state"))));
        // a unique key two consumers raced for is gone on the next attempt
        assertEquals(FailureKind.OTHER, FailureClassifier.classify(wrapped(new SQLException("duplicate", "23505"))));
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("outer", new IllegalStateException("middle", cause));
    }
}
