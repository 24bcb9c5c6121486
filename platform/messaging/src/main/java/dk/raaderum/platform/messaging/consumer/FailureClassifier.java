package dk.raaderum.platform.messaging.consumer;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells transient failures (the database is unreachable or busy: retrying will help) from poison (the event can
 * never be applied) by walking the whole cause chain. Transient wins over poison: a handler that failed because its
 * connection was lost says nothing about the event.
 */
public final class FailureClassifier {

    /** SQLStates that mean "try again": lock/serialization conflicts, admin shutdown, too many connections. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03",
            "53300");
    /**
     * SQLState classes that no retry can fix: data exceptions (22). Not integrity constraint violations (23): a unique
     * key violated by two consumers inserting the same row at once (e.g. one proposal's withdrawal and adoption arriving
     * on two topics) is gone on the next attempt, so class 23 keeps the bounded retries of any other failure.
     */
    private static final Set<String> POISON_STATE_CLASSES = Set.of("22");
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.dialect.lock.PessimisticEntityLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException");
    private static final Set<String> POISON_TYPES = Set.of(
            "jakarta.validation.ConstraintViolationException",
            "jakarta.validation.ValidationException",
            "org.hibernate.exception.DataException");

    private FailureClassifier() {
    }

    public static FailureKind classify(Throwable failure) {
        boolean poison = false;
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isTransient(t)) {
                return FailureKind.TRANSIENT;
            }
            poison |= isPoison(t);
            for (Throwable suppressed : t.getSuppressed()) {
                if (seen.add(suppressed) && isTransient(suppressed)) {
                    return FailureKind.TRANSIENT;
                }
            }
        }
        return poison ? FailureKind.POISON : FailureKind.OTHER;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException
                || t instanceof SocketException || t instanceof SocketTimeoutException
                || isA(t, TRANSIENT_TYPES)) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
                return true;
            }
            return isAgroalAcquisitionTimeout(sql);
        }
        return false;
    }

    /** Agroal reports an exhausted pool as a plain SQLException without a state. */
    private static boolean isAgroalAcquisitionTimeout(SQLException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** By name, so the classifier needs neither Hibernate nor Bean Validation on the class path; subclasses count. */
    private static boolean isA(Throwable t, Set<String> typeNames) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (typeNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPoison(Throwable t) {
        if (t instanceof PoisonMessageException || isA(t, POISON_TYPES)) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return POISON_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2));
        }
        return false;
    }
}
