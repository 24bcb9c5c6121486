package dk.raaderum.platform.messaging.health;

import dk.raaderum.platform.messaging.config.MessagingConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Probes the Kafka broker in the background (every probe-interval, at most probe-timeout each), so that health
 * reports the broker's state without ever waiting for it. The broker is not part of readiness: a service keeps
 * serving writes while Kafka is away (the outbox keeps the events).
 */
@ApplicationScoped
public class KafkaProbe {

    public static final String REACHABLE = "reachable";
    public static final String UNREACHABLE = "unreachable";
    public static final String UNKNOWN = "unknown";

    /** The last probe's outcome. */
    public record Status(String state, Instant checkedAt, String detail) {
    }

    private final Map<String, Object> kafkaConfig;
    private final MessagingConfig.Kafka config;
    private final Clock clock;
    private volatile Admin admin;
    private volatile Status status = new Status(UNKNOWN, null, "not probed yet");

    public KafkaProbe(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MessagingConfig config,
            Clock clock) {
        this.kafkaConfig = kafkaConfig;
        this.config = config.kafka();
        this.clock = clock;
    }

    public Status status() {
        return status;
    }

    @Scheduled(every = "${raaderum.messaging.kafka.probe-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        int timeout = (int) config.probeTimeout().toMillis();
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeout)).nodes()
                    .get(timeout + 500L, TimeUnit.MILLISECONDS).size();
            status = new Status(REACHABLE, clock.instant(), nodes + " broker(s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            status = new Status(UNREACHABLE, clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> settings = new HashMap<>();
                    kafkaConfig.forEach((key, value) -> {
                        if (AdminClientConfig.configNames().contains(key)) {
                            settings.put(key, value);
                        }
                    });
                    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "raaderum-kafka-probe");
                    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.probeTimeout().toMillis());
                    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.probeTimeout().toMillis());
                    admin = Admin.create(settings);
                }
            }
        }
        return admin;
    }

    void onStop(@Observes ShutdownEvent event) {
        Admin current = admin;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(1));
        }
    }
}
