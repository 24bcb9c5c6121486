package dk.raaderum.gateway.health;

import dk.raaderum.gateway.proxy.RouteTable;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Readiness reports each upstream's own readiness, and lists those that are not ready under {@code notReady}. The
 * gateway is ready while at least one upstream is: with some upstreams down it still serves the others (and answers
 * 503 for those), so a load balancer must not take it out of rotation.
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {

    private final RouteTable routes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public UpstreamsHealthCheck(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Upstream services");
        List<String> down = new ArrayList<>();
        int up = 0;
        for (RouteTable.Target upstream : routes.upstreams()) {
            boolean ready = ready(upstream.baseUri());
            response.withData(upstream.service(), ready ? "UP" : "DOWN");
            if (ready) {
                up++;
            } else {
                down.add(upstream.service());
            }
        }
        response.withData("notReady", down.isEmpty() ? "none" : String.join(", ", down));
        return response.status(up > 0).build();
    }

    private boolean ready(URI base) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
