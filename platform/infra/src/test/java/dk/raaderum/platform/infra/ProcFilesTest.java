package dk.raaderum.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

class ProcFilesTest {

    private static final Path PORT_RANGE = ProcFiles.ROOT.resolve("sys/net/ipv4/ip_local_port_range");

    /** The file {@code Files.readString} reads as "3": two port numbers, read whole. */
    @Test
    void aSysctlFileOfSizeZeroIsReadWhole() {
        assumeTrue(Files.isReadable(PORT_RANGE), "a Linux /proc");
        String line = ProcFiles.firstLine(PORT_RANGE).orElseThrow();
        String[] ports = line.trim().split("\\s+");
        assertEquals(2, ports.length, "read as \"" + line + "\"");
        assertTrue(Integer.parseInt(ports[0]) >= 1024 && Integer.parseInt(ports[1]) > Integer.parseInt(ports[0]), line);
    }

    @Test
    void thisProcessIsFoundByItsCommandLineAndItsStatusReadLineByLine() {
        assumeTrue(Files.isDirectory(ProcFiles.ROOT.resolve("self")), "a Linux /proc");
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcFiles.commandLine(pid).contains("java"), ProcFiles.commandLine(pid));
        List<String> status = ProcFiles.lines(ProcFiles.of(pid, "status"));
        assertTrue(status.size() > 10, "lines: " + status.size());
        assertTrue(status.stream().anyMatch(line -> line.equals("Pid:\t" + pid)), "no Pid line for " + pid);
        assertTrue(ProcFiles.loadAverage().matches("\\d+\\.\\d+ \\d+\\.\\d+ \\d+\\.\\d+"), ProcFiles.loadAverage());
    }

    @Test
    void aFileThatCannotBeReadIsEmpty() {
        Path gone = ProcFiles.of(Long.MAX_VALUE, "status");
        assertEquals(Optional.empty(), ProcFiles.firstLine(gone));
        assertEquals(List.of(), ProcFiles.lines(gone));
        assertEquals("", ProcFiles.commandLine(Long.MAX_VALUE));
    }
}
