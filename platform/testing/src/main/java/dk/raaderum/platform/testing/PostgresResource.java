package dk.raaderum.platform.testing;

import dk.raaderum.platform.infra.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * Quarkus test resource: one real PostgreSQL 17 per test JVM (zonky embedded binaries, a throw-away data
 * directory inside the build's temp directory), shared by every test class and every Quarkus restart of the module
 * (handed over through a JVM-wide system property). Sets the default datasource; the application's Flyway
 * migrations create the schema.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "raaderum_test";
    /** Init arg: {@code proxied=true} puts a {@link TcpProxy} between the application and PostgreSQL. */
    public static final String PROXIED = "proxied";
    private static final String SHARED = "raaderum.test.postgres.jdbc-url";
    private static TcpProxy proxy;

    private boolean proxied;

    /** The JDBC URL of the JVM's test database, starting the server on first use. */
    public static String jdbcUrl() {
        synchronized (System.getProperties()) {
            String url = System.getProperty(SHARED);
            if (url == null) {
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                PostgresServer started = PostgresServer.start(0, null, false, tmp.resolve("embedded-pg"));
                started.createDatabaseIfMissing(DATABASE);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-test-stop"));
                url = started.jdbcUrl(DATABASE);
                System.setProperty(SHARED, url);
            }
            return url;
        }
    }

    @Override
    public void init(Map<String, String> initArgs) {
        proxied = Boolean.parseBoolean(initArgs.getOrDefault(PROXIED, "false"));
    }

    /**
     * PostgreSQL becomes unreachable for the application (connections cut, new ones refused) until the returned
     * outage is closed. Only with {@code proxied=true}.
     */
    public static synchronized KafkaTestCluster.Outage outage() {
        if (proxy == null) {
            throw new IllegalStateException("PostgresResource runs without a proxy: declare it with proxied=true");
        }
        TcpProxy current = proxy;
        current.cut();
        return current::restore;
    }

    private static synchronized String proxiedUrl(String url) {
        if (proxy == null) {
            java.net.URI target = java.net.URI.create(url.substring("jdbc:".length()));
            TcpProxy started = TcpProxy.start(0, target.getHost(), target.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-proxy-stop"));
            proxy = started;
        }
        return url.replace(":" + java.net.URI.create(url.substring("jdbc:".length())).getPort() + "/",
                ":" + proxy.port() + "/");
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", proxied ? proxiedUrl(jdbcUrl()) : jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.SUPERUSER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // one server per JVM: stopped by the shutdown hook; an outage a test left open ends here
        synchronized (PostgresResource.class) {
            if (proxy != null) {
                proxy.restore();
            }
        }
    }
}
