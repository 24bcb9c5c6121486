package dk.raaderum.platform.infra;

import java.nio.file.Path;
import java.util.List;

/** The java executable of the running JVM, so child JVMs use the same JDK, and options every child JVM gets. */
public final class JavaLauncher {

    /** How often a child JVM gives the memory it freed back to the system (see {@link #nativeHeapTrim()}). */
    static final int TRIM_INTERVAL_MILLIS = 30_000;

    private JavaLauncher() {
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static String javaHome() {
        return System.getProperty("java.home");
    }

    /**
     * glibc keeps the native memory a JVM has freed (above all the JIT compilers' arenas, tens of MB after a burst of
     * compiling) until it is trimmed; {@code -XX:TrimNativeHeapInterval} makes the JVM trim it periodically. The
     * option exists from JDK 17.0.9, 21.0.1 and 22 on; an older JDK would refuse to start with it, so it gets none.
     */
    public static List<String> nativeHeapTrim() {
        return nativeHeapTrim(Runtime.version());
    }

    static List<String> nativeHeapTrim(Runtime.Version jdk) {
        boolean supported = switch (jdk.feature()) {
            case 17 -> jdk.update() >= 9;
            case 18, 19, 20 -> false;
            case 21 -> jdk.update() >= 1;
            default -> jdk.feature() > 21;
        };
        return supported ? List.of("-XX:TrimNativeHeapInterval=" + TRIM_INTERVAL_MILLIS) : List.of();
    }
}
