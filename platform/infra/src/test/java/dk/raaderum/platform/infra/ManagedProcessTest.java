package dk.raaderum.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A process that ended by itself tells why: its exit code and the error lines of its own run, not of earlier ones. */
class ManagedProcessTest {

    @Test
    void theExitReportNamesTheExitCodeAndTheFirstErrorLinesOfThisRun(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        await(ManagedProcess.start("service", List.of("sh", "-c", "echo 'ERROR an earlier run'; exit 0"), Map.of(), dir,
                log));
        ManagedProcess failed = ManagedProcess.start("service", List.of("sh", "-c",
                "echo starting; echo '{\"level\":\"ERROR\",\"message\":\"Failed to start\"}'; echo 'ERROR two';"
                        + " echo 'ERROR three'; echo 'shutting down'; exit 3"), Map.of(), dir, log);
        await(failed);

        String report = failed.exitReport(2);

        assertTrue(report.startsWith("exit code 3; its first error lines:"), report);
        assertTrue(report.contains("Failed to start") && report.contains("ERROR two"), report);
        assertFalse(report.contains("ERROR three"), "at most the lines asked for: " + report);
        assertFalse(report.contains("an earlier run"), report);
    }

    @Test
    void aKilledProcessIsReportedWithItsSignal(@TempDir Path dir) throws Exception {
        ManagedProcess killed = ManagedProcess.start("tool", List.of("sh", "-c", "echo working; kill -9 $$"), Map.of(),
                dir, dir.resolve("tool.log"));
        await(killed);

        assertEquals("exit code 137 (signal 9); no error lines in its log", killed.exitReport(5));
    }

    private static void await(ManagedProcess process) throws InterruptedException {
        assertTrue(process.awaitExit(Duration.ofSeconds(10)), "ended");
    }
}
