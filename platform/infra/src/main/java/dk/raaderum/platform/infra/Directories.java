package dk.raaderum.platform.infra;

import java.nio.file.Path;

/**
 * Where local infrastructure keeps what outlives one run. Nothing here lives in {@code target/}
 * (a {@code mvn clean} would wipe it) or in git.
 */
public final class Directories {

    private Directories() {
    }

    /**
     * Cache shared by every checkout on the machine (unpacked Keycloak, PostgreSQL binaries):
     * {@code $RAADERUM_CACHE_DIR}, else {@code $XDG_CACHE_HOME/raaderum}, else {@code ~/.cache/raaderum}.
     */
    public static Path cache() {
        String explicit = System.getenv("RAADERUM_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("raaderum").toAbsolutePath();
    }
}
