package dk.raaderum.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a killed launcher left running is found by its own files and stopped; nothing else is touched. */
class LeftoversTest {

    private static final Duration GRACE = Duration.ofSeconds(10);

    @Test
    void aManagedProcessWhoseLauncherDiedIsStoppedWithItsChildren(@TempDir Path logs) throws Exception {
        ManagedProcess orphan = ManagedProcess.start("service", List.of("sh", "-c", "sleep 300 & sleep 300"), Map.of(),
                logs, logs.resolve("service.log"));
        long children = awaitChildren(orphan);
        assertTrue(Files.exists(logs.resolve("service.log.pid")));

        assertEquals(List.of("service"), Leftovers.stopManaged(logs, GRACE));

        assertFalse(ProcessHandle.of(orphan.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(children > 0);
        assertFalse(Files.exists(logs.resolve("service.log.pid")));
        assertEquals(List.of(), Leftovers.stopManaged(logs, GRACE), "stopped once");
    }

    @Test
    void aProperlyStoppedProcessLeavesNoPidFile(@TempDir Path logs) {
        ManagedProcess process = ManagedProcess.start("tool", List.of("sleep", "300"), Map.of(), logs, logs.resolve("tool.log"));
        process.stop(GRACE);
        assertFalse(Files.exists(logs.resolve("tool.log.pid")));
    }

    @Test
    void aPidFileWhosePidWasReusedStopsNothing(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("gone.log.pid"), ProcessHandle.current().pid() + " 1000");
        Files.writeString(logs.resolve("junk.log.pid"), "not a pid");

        assertEquals(List.of(), Leftovers.stopManaged(logs, GRACE));
        assertTrue(ProcessHandle.current().isAlive());
    }

    @Test
    void aPostgresWhoseLauncherDiedIsStoppedAndItsPortFreed(@TempDir Path state) {
        Path data = state.resolve("postgres");
        PostgresServer postgres = PostgresServer.start(0, data, true, state.resolve("work"));
        int port = postgres.port();
        assertFalse(Ports.isFree(port));

        Optional<Long> stopped = Leftovers.stopPostgres(data, GRACE);

        assertTrue(stopped.isPresent());
        assertTrue(Ports.isFree(port), "port " + port + " is free again");
        assertFalse(Files.exists(data.resolve("postmaster.pid")));
        assertEquals(Optional.empty(), Leftovers.stopPostgres(data, GRACE));
        postgres.close();
    }

    @Test
    void aRestartedPostgresKeepsItsDataAndPort(@TempDir Path state) throws Exception {
        PostgresServer postgres = PostgresServer.start(0, state.resolve("postgres"), false, state.resolve("work"));
        try {
            postgres.createDatabaseIfMissing("drill");
            int port = postgres.port();
            postgres.restart(Duration.ofMillis(500));
            assertEquals(port, postgres.port());
            try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl("drill"), "postgres", "postgres")) {
                assertTrue(connection.isValid(5));
            }
        } finally {
            postgres.close();
        }
        assertFalse(Files.exists(state.resolve("postgres")), "a test's data directory is wiped on close");
    }

    private static long awaitChildren(ManagedProcess process) throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        for (int i = 0; i < 100 && handle.children().count() == 0; i++) {
            Thread.sleep(50);
        }
        return handle.children().count();
    }
}
