package dk.raaderum.gateway.proxy;

import dk.raaderum.gateway.config.GatewayConfig;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per caller: {@code burst} requests at once, refilled at the per-minute rate. Callers with a token
 * are counted by token subject, anonymous callers (open data) by IP address, and tokens that fail verification by IP
 * address in a bucket of their own. In memory, per gateway instance.
 */
@ApplicationScoped
public class RateLimiter {

    /** The verdict: allowed, or how many seconds until one more request is allowed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    /** The key prefix of an address's bucket of failed token verifications. */
    private static final String FAILED = "failed-authentication:";

    private final GatewayConfig.RateLimit config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
    }

    public Decision acquire(String caller, boolean authenticated) {
        if (!config.enabled()) {
            return new Decision(true, 0);
        }
        int perMinute = authenticated ? config.authenticatedPerMinute() : config.anonymousPerMinute();
        Bucket bucket = buckets.computeIfAbsent(caller, key -> new Bucket(config.burst()));
        return bucket.take(config.burst(), perNano(perMinute), System.nanoTime());
    }

    /**
     * Whether a token from {@code address} may still be verified: its bucket of failed verifications is not empty
     * (nothing is taken; {@link #failedAuthentication} takes).
     */
    public Decision verificationAllowed(String address) {
        if (!config.enabled()) {
            return new Decision(true, 0);
        }
        Bucket bucket = buckets.get(FAILED + address);
        return bucket == null ? new Decision(true, 0)
                : bucket.peek(config.failedAuthenticationsBurst(), perNano(config.failedAuthenticationsPerMinute()),
                        System.nanoTime());
    }

    /** A token from {@code address} failed verification: one less may be verified. */
    public void failedAuthentication(String address) {
        if (config.enabled()) {
            buckets.computeIfAbsent(FAILED + address, key -> new Bucket(config.failedAuthenticationsBurst()))
                    .take(config.failedAuthenticationsBurst(), perNano(config.failedAuthenticationsPerMinute()),
                            System.nanoTime());
        }
    }

    private static double perNano(int perMinute) {
        return perMinute / 60_000_000_000.0;
    }

    /** Forgets callers whose buckets have been full for a while. */
    public void evictIdle() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> now - e.getValue().lastUsed > 600_000_000_000L);
    }

    int callers() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updated;
        private long lastUsed;

        Bucket(int burst) {
            this.tokens = burst;
            this.updated = System.nanoTime();
        }

        synchronized Decision take(int capacity, double tokensPerNano, long now) {
            Decision decision = peek(capacity, tokensPerNano, now);
            if (decision.allowed()) {
                tokens -= 1;
            }
            return decision;
        }

        /** Refills, and whether one more is allowed (or the seconds until it is), taking nothing. */
        synchronized Decision peek(int capacity, double tokensPerNano, long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
            lastUsed = now;
            if (tokens >= 1) {
                return new Decision(true, 0);
            }
            long wait = (long) Math.ceil((1 - tokens) / tokensPerNano / 1_000_000_000.0);
            return new Decision(false, Math.max(1, wait));
        }
    }
}
