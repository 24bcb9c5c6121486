package dk.raaderum.devstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One application of the platform: its module folder, default port and database (null: no database).
 */
public record App(String name, int defaultPort, String database) {

    public static final App PROPOSAL = new App("proposal-service", 8081, "proposal");
    public static final App TARGET = new App("target-service", 8082, "target");
    public static final App FOLLOWUP = new App("followup-service", 8083, "followup");
    public static final App IDEA_BANK = new App("idea-bank-service", 8084, "ideabank");
    public static final App GATEWAY = new App("gateway", 8080, null);

    /** Services first, the gateway last (it fronts them). */
    public static final List<App> ALL = List.of(PROPOSAL, TARGET, FOLLOWUP, IDEA_BANK, GATEWAY);

    /** The runnable Quarkus application built by {@code ./mvnw package}. */
    public Path runJar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
