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
                statement.setFetchSize(1000);
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
    }

    /**
     * Runs {@code work} in one read-only, repeatable-read transaction of its own, so its statements see one snapshot;
     * with {@code indexScans}, the planner is told not to scan whole tables (for searches whose indexes make a few
     * thousand hits cheap, where a sequential scan would unpack every row's large columns). Not inside another
     * transaction.
     */
    public <T> T snapshot(boolean indexScans, Function<Reads, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                if (indexScans) {
                    try (PreparedStatement set = connection.prepareStatement("set local enable_seqscan = off")) {
                        set.execute();
                    }
                }
                return work.apply(new Reads() {
                    @Override
                    public <R> R query(Sql sql, Reader<R> reader) {
                        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
                            return reader.read(rs);
                        } catch (SQLException e) {
                            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
                        }
                    }
                });
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

    int update(Sql sql) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = sql.prepare(connection)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + e.getMessage(), e);
        }
    }
}
