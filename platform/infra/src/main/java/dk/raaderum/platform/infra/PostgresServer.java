package dk.raaderum.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the zonky embedded binaries (PostgreSQL 17), no Docker. As root it runs
 * initdb/postgres inside a user namespace by itself.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dataDirectory;
    private final boolean keepData;
    private final Path workDirectory;
    private EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean keepData, Path workDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.keepData = keepData;
        this.workDirectory = workDirectory;
    }

    /**
     * @param port 0 for a free port
     * @param dataDirectory null for a throw-away directory
     * @param keepData keep the data directory between runs (the local run) or wipe it on close (tests)
     * @param workDirectory where the binaries are unpacked; null for the JVM's temp directory
     */
    public static PostgresServer start(int port, Path dataDirectory, boolean keepData, Path workDirectory) {
        return new PostgresServer(embedded(port, dataDirectory, keepData, workDirectory), dataDirectory, keepData,
                workDirectory);
    }

    /** A given data directory is never wiped by zonky itself (see {@link #close()}), so {@link #restart} keeps it. */
    private static EmbeddedPostgres embedded(int port, Path dataDirectory, boolean keepData, Path workDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setCleanDataDirectory(dataDirectory == null && !keepData)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                Ports.requireFree(port, "PostgreSQL");
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory);
            }
            if (workDirectory != null) {
                Files.createDirectories(workDirectory);
                builder.setOverrideWorkingDirectory(workDirectory.toFile());
            }
            return builder.start();
        } catch (IOException | RuntimeException e) {
            if (e instanceof InfraException infra) {
                throw infra;
            }
            throw new InfraException("PostgreSQL did not start: " + rootMessage(e), e);
        }
    }

    /**
     * Restarts the server as an operator or a failover would: stopped (fast shutdown, every connection cut), down for
     * {@code down}, started again on the same port with the same data. Only with a given data directory.
     */
    public synchronized void restart(Duration down) {
        if (dataDirectory == null) {
            throw new IllegalStateException("A throw-away PostgreSQL cannot be restarted");
        }
        int port = port();
        stopServer();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres = embedded(port, dataDirectory, true, workDirectory);
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database unless it exists; safe to call on every start. */
    public void createDatabaseIfMissing(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new InfraException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        stopServer();
        if (dataDirectory != null && !keepData) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new InfraException("Could not delete " + dataDirectory + ": " + e.getMessage(), e);
            }
        }
    }

    private void stopServer() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new InfraException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
