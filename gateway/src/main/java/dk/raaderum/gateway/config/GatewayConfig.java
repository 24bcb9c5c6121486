package dk.raaderum.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code raaderum.gateway.*}: the upstream services, which paths go where, limits and resilience. Routes are
 * configuration, not code; production URLs come from environment variables such as
 * {@code RAADERUM_GATEWAY_SERVICES_PROPOSAL_SERVICE_URL}.
 */
@ConfigMapping(prefix = "raaderum.gateway")
public interface GatewayConfig {

    /** Upstreams by name (proposal-service, target-service, …). */
    Map<String, Service> services();

    /** Routes, first match wins. */
    List<Route> routes();

    @WithName("rate-limit")
    RateLimit rateLimit();

    @WithName("circuit-breaker")
    CircuitBreaker circuitBreaker();

    OpenApi openapi();

    /**
     * Proxies in front of the gateway (a load balancer, an ingress) whose {@code X-Forwarded-*} headers the gateway
     * believes: IP addresses or CIDR ranges (e.g. {@code 10.0.0.0/8}). A caller's address is the right-most address
     * in {@code X-Forwarded-For} that is not one of them; without any, nobody's forwarded headers are believed and the
     * socket's peer is the caller (the rate limit of anonymous callers is per that address).
     */
    @WithName("trusted-proxies")
    Optional<List<String>> trustedProxies();

    /**
     * Longest wait for a token the gateway has not seen to be checked. A check needs the identity provider only for a
     * signing key it does not know yet; when the provider does not answer, the caller gets 503 after this time instead
     * of waiting for the provider to come back.
     */
    @WithName("token-check-timeout")
    @WithDefault("10s")
    Duration tokenCheckTimeout();

    interface Service {

        /** Base URL, e.g. http://localhost:8081 */
        String url();

        @WithName("connect-timeout")
        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest wait for the upstream's response (and between its chunks). */
        @WithName("read-timeout")
        @WithDefault("30s")
        Duration readTimeout();
    }

    interface Route {

        /** The upstream's name in {@link #services()}. */
        String service();

        /**
         * Path patterns: a prefix at segment boundaries, {@code *} standing for one segment, e.g.
         * {@code /api/v1/municipalities/*}{@code /catalogs}.
         */
        List<String> paths();

        /** No login needed (the open data); callers are limited per IP address. */
        @WithName("public")
        @WithDefault("false")
        boolean publicAccess();
    }

    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Requests per minute per caller (token subject). */
        @WithName("authenticated-per-minute")
        @WithDefault("1200")
        int authenticatedPerMinute();

        /** Requests per minute per IP address without a token (open data). */
        @WithName("anonymous-per-minute")
        @WithDefault("120")
        int anonymousPerMinute();

        /** Requests a caller may send at once before the per-minute rate applies. */
        @WithDefault("60")
        int burst();

        /**
         * Requests per minute per IP address with a bearer token that fails verification (expired, forged, another
         * realm's), each of which costs a signature check: past the burst, further tokens from the address are not
         * checked but answered 429 until the bucket refills. Valid tokens the gateway remembers are not affected.
         */
        @WithName("failed-authentications-per-minute")
        @WithDefault("600")
        int failedAuthenticationsPerMinute();

        /** Failed verifications an address may cause at once before the per-minute rate applies. */
        @WithName("failed-authentications-burst")
        @WithDefault("300")
        int failedAuthenticationsBurst();
    }

    interface CircuitBreaker {

        /** Consecutive failures (no connection, timeout, 502/503/504) that open the breaker. */
        @WithName("failure-threshold")
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before one trial request goes through. */
        @WithName("open-duration")
        @WithDefault("10s")
        Duration openDuration();
    }

    interface OpenApi {

        /** How long the merged API description is kept before the services are asked again. */
        @WithName("cache-ttl")
        @WithDefault("30s")
        Duration cacheTtl();

        /** The URL the merged description names as its server (the gateway as users reach it). */
        @WithName("server-url")
        Optional<String> serverUrl();
    }
}
