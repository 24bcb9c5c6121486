package dk.raaderum.systemtest;

import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sends as a well-behaved client: a test that sends hundreds of requests with one token sends more than the gateway's
 * rate limit lets through at once, so it sends again, a second apart (the gateway's Retry-After), until the request is
 * let through.
 */
final class RateLimited {

    private RateLimited() {
    }

    static Response send(Supplier<Response> request) {
        return await("let through by the gateway's rate limit").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1)).until(request::get, response -> response.statusCode() != 429);
    }
}
