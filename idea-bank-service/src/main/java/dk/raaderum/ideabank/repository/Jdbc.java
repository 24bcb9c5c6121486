package dk.raaderum.ideabank.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * Plain JDBC for the read paths that gain from it (search, look-alikes, figures, exports): no entities, arrays bound
 * as one parameter. Inside a transaction the connection is the transaction's.
 */
@ApplicationScoped
public class Jdbc {

    /** Rows fetched at a time by a result read in a transaction (a whole result is not held twice). */
    private static final int FETCH_SIZE = 5000;

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads a result set. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> T query(Sql sql, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = sql.prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    /** Reads a large result in chunks (a cursor in a read-only transaction of its own), row by row. */
    <T> T stream(Sql sql, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = sql.prepare(connection)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = statement.executeQuery()) {
                    return reader.read(rs);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    /** Statements that read one consistent snapshot (see {@link #snapshot}). */
    public interface Reads {
        <T> T query(Sql sql, Reader<T> reader);

        /**
         * Tells the planner not to scan whole tables for the rest of the snapshot: for searches whose indexes make a
         * few thousand hits cheap, where a sequential scan would unpack every row's large columns.
         */
        void indexScansOnly();
    }

    /**
     * Runs {@code work} in one read-only, repeatable-read transaction of its own, so its statements see one snapshot.
     * Every statement is planned for its own parameters (a generic plan guesses a word's hits and ranks with a query
     * parsed again per row) and without JIT compilation (tens of milliseconds that pay off only for long reports).
     * Not inside another transaction.
     */
    public <T> T snapshot(Function<Reads, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                execute(connection, "set local plan_cache_mode = force_custom_plan");
                execute(connection, "set local jit = off");
                return work.apply(reads(connection));
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    private static Reads reads(Connection connection) {
        return new Reads() {
            @Override
            public <R> R query(Sql sql, Reader<R> reader) {
                try (PreparedStatement statement = sql.prepare(connection)) {
                    statement.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = statement.executeQuery()) {
                        return reader.read(rs);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Query failed: " + e.getMessage(), e);
                }
            }

            @Override
            public void indexScansOnly() {
                try {
                    execute(connection, "set local enable_seqscan = off");
                } catch (SQLException e) {
                    throw new IllegalStateException("Query failed: " + e.getMessage(), e);
                }
            }
        };
    }

    private static void execute(Connection connection, String statement) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(statement)) {
            set.execute();
        }
    }

    int update(Sql sql) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = sql.prepare(connection)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + e.getMessage(), e);
        }
    }
}
