package dk.raaderum.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaLauncherTest {

    @ParameterizedTest
    @CsvSource({ "17.0.8, false", "17.0.9, true", "17.0.15, true", "20.0.2, false", "21, false", "21.0.1, true",
            "22, true", "25.0.1, true" })
    void nativeHeapTrimOnlyWhereTheJdkHasTheOption(String version, boolean trims) {
        List<String> options = JavaLauncher.nativeHeapTrim(Runtime.Version.parse(version));
        assertEquals(trims ? List.of("-XX:TrimNativeHeapInterval=30000") : List.of(), options, version);
    }
}
