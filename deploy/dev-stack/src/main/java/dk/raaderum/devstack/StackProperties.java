package dk.raaderum.devstack;

import dk.raaderum.platform.infra.InfraException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/** Facts the build wrote into {@code dev-stack.properties}. */
final class StackProperties {

    private final Properties properties = new Properties();

    StackProperties() {
        try (InputStream in = StackProperties.class.getResourceAsStream("/dev-stack.properties")) {
            if (in == null) {
                throw new InfraException("dev-stack.properties is missing from the launcher jar: rebuild it with ./mvnw package");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new InfraException("Could not read dev-stack.properties: " + e.getMessage(), e);
        }
    }

    Path keycloakZip() {
        String zip = properties.getProperty("keycloak.zip");
        if (zip == null || zip.startsWith("${")) {
            throw new InfraException("The launcher was built without the Keycloak distribution path; rebuild with ./mvnw package");
        }
        return Path.of(zip);
    }
}
