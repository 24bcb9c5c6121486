package dk.raaderum.systemtest;

import io.restassured.response.Response;

import java.util.function.Supplier;

/**
 * Sends as a well-behaved client: a test that sends hundreds of requests with one token sends more than the gateway's
 * rate limit lets through at once, so it waits as long as a 429 says (Retry-After) and sends again.
 */
final class RateLimited {

    private static final int ATTEMPTS = 20;

    private RateLimited() {
    }

    static Response send(Supplier<Response> request) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Response response = request.get();
            if (response.statusCode() != 429) {
                return response;
            }
            String retryAfter = response.header("Retry-After");
            try {
                Thread.sleep(1000L * (retryAfter == null ? 1 : Math.max(1, Long.parseLong(retryAfter))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("still rate-limited after " + ATTEMPTS + " attempts");
    }
}
