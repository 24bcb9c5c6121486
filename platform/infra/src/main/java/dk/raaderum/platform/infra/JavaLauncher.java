package dk.raaderum.platform.infra;

import java.nio.file.Path;
import java.util.List;

/** The java executable of the running JVM, so child JVMs use the same JDK, and the options every child JVM gets. */
public final class JavaLauncher {

    /**
     * The interval of {@link #nativeHeapTrim()}: each trim took 0.4–5 ms on its own thread, measured on proposal-service
     * under load (-Xlog:trimnative).
     */
    public static final int TRIM_INTERVAL_MILLIS = 2_000;
    /**
     * The collector of the JVMs the local run and the tests start (the applications, Kafka's broker, Keycloak, the
     * benchmark's load generator) and of the containers (GC_CONTAINER_OPTIONS): small heaps on few cores, where the
     * serial collector keeps the least memory and no collector threads.
     */
    public static final String SERIAL_GC = "-XX:+UseSerialGC";
    /**
     * The options of {@link #nativeHeapTrim()}, as the containers get them too (GC_CONTAINER_OPTIONS in
     * docker-compose.yml and deploy/kubernetes, held to these by their tests).
     */
    public static final List<String> NATIVE_HEAP_TRIM = List.of("-XX:+UnlockExperimentalVMOptions",
            "-XX:TrimNativeHeapInterval=" + TRIM_INTERVAL_MILLIS);

    private JavaLauncher() {
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static String javaHome() {
        return System.getProperty("java.home");
    }

    /**
     * Periodic trimming of glibc's native heap (JDK-8293114): glibc keeps what was malloc'ed and freed (the JIT
     * compilers' arenas, class loading at start) instead of returning it to the system; the JVM hands it back every
     * {@value #TRIM_INTERVAL_MILLIS} ms. A trim of each running application with {@code jcmd System.trim_native_heap}
     * after a round of use gave back 24–39 MiB, Kafka's broker 25 MiB, Keycloak 10 MiB. The option exists from JDK
     * 17.0.9, 21.0.1 and 22 on, experimental until 17.0.11 and 21.0.3 (hence the unlock), and trims only on Linux
     * (glibc); another JVM or system gets no option.
     */
    public static List<String> nativeHeapTrim() {
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        return linux && hasNativeHeapTrim(Runtime.version()) ? NATIVE_HEAP_TRIM : List.of();
    }

    static boolean hasNativeHeapTrim(Runtime.Version version) {
        return switch (version.feature()) {
            case 17 -> version.update() >= 9;
            case 18, 19, 20 -> false;
            case 21 -> version.update() >= 1;
            default -> version.feature() > 21;
        };
    }
}
