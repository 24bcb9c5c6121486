package dk.raaderum.platform.web.time;

import io.quarkus.arc.DefaultBean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock of an application. Inject {@link Clock} instead of calling {@code Instant.now()}, so tests can
 * move time (an {@code @Alternative} clock bean replaces this default).
 */
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    public Clock clock() {
        return Clock.systemUTC();
    }
}
