package dk.raaderum.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout under test. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("raaderum.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("Not the repository root: " + root);
        }
        return root;
    }
}
