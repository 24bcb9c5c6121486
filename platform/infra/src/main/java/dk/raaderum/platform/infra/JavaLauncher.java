package dk.raaderum.platform.infra;

import java.nio.file.Path;

/** The java executable of the running JVM, so child JVMs use the same JDK. */
public final class JavaLauncher {

    private JavaLauncher() {
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static String javaHome() {
        return System.getProperty("java.home");
    }
}
