package dk.raaderum.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

class JavaLauncherTest {

    /** JDK-8293114 reached 17.0.9, 21.0.1 and 22; 18 to 20 never had it. */
    @Test
    void nativeHeapTrimIsOfferedOnlyWhereTheJvmHasIt() {
        for (String has : List.of("17.0.9", "17.0.15+6", "21.0.1", "21.0.3", "22", "25.0.3+9")) {
            assertTrue(JavaLauncher.hasNativeHeapTrim(Runtime.Version.parse(has)), has);
        }
        for (String lacks : List.of("11.0.25", "17", "17.0.8", "18.0.2", "20.0.2", "21")) {
            assertFalse(JavaLauncher.hasNativeHeapTrim(Runtime.Version.parse(lacks)), lacks);
        }
    }

    /** The child JVMs are this JDK's: it starts with the options and says it trims (skipped where it gets none). */
    @Test
    void thisJdkStartsWithTheTrimOptions() throws IOException, InterruptedException {
        List<String> options = JavaLauncher.nativeHeapTrim();
        assumeFalse(options.isEmpty(), "this JDK or system has no native heap trim");
        List<String> command = new ArrayList<>(List.of(JavaLauncher.javaExecutable()));
        command.addAll(options);
        command.addAll(List.of("-Xlog:trimnative=info", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), output);
        assertTrue(output.contains("Periodic native trim enabled (interval: " + JavaLauncher.TRIM_INTERVAL_MILLIS
                + " ms)"), output);
    }
}
