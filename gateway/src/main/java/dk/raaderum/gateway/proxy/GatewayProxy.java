package dk.raaderum.gateway.proxy;

import dk.raaderum.gateway.config.GatewayConfig;
import dk.raaderum.platform.web.http.BodyLimit;
import dk.raaderum.platform.web.problem.ProblemTypes;
import dk.raaderum.platform.web.request.RequestIds;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The front door for {@code /api/…}: finds the route, authenticates the bearer token at the edge (OIDC; open-data
 * routes are public), limits the caller's rate, and streams the request to the upstream and the answer back with
 * vertx-http-proxy (bodies are never buffered whole), with the {@code X-Forwarded-*} headers the services build their
 * links from ({@link Forwarding}). Every answer carries {@code X-Request-Id} and {@code traceparent} (taken from the
 * caller or generated, and passed on upstream). An upstream that does not answer gives a fast 503 problem naming it
 * (never the cause's text, host or port: those go to the log); after repeated failures its circuit breaker answers 503
 * at once until a trial succeeds. A body over the platform's one limit ({@link BodyLimit}) is a 413, and a caller that
 * breaks off its upload is no failure of the upstream: neither counts for the breaker. A token whose check waits for
 * the identity provider past {@code raaderum.gateway.token-check-timeout} is a 503 naming it, not a 401.
 */
@ApplicationScoped
public class GatewayProxy {

    static final String REQUEST_ID = RequestIds.HEADER;
    static final String TRACEPARENT = "traceparent";
    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    /** The {@code service} a 503 names when a token could not be checked in time. */
    static final String IDENTITY_PROVIDER = "identity-provider";
    private static final long TOKEN_CHECK_RETRY_AFTER_SECONDS = 5;

    private final Vertx vertx;
    private final RouteTable routes;
    private final RateLimiter limiter;
    private final Problems problems;
    private final AccessLog accessLog;
    private final VerifiedTokens tokens;
    private final GatewayConfig config;
    private final Clock clock;
    private final Forwarding forwarding;
    private final BodyLimit bodyLimit;
    private final ThreadLocal<Map<String, HttpClient>> clients = ThreadLocal.withInitial(HashMap::new);
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public GatewayProxy(Vertx vertx, RouteTable routes, RateLimiter limiter, Problems problems, AccessLog accessLog,
            VerifiedTokens tokens, GatewayConfig config, Clock clock, Forwarding forwarding, BodyLimit bodyLimit) {
        this.tokens = tokens;
        this.vertx = vertx;
        this.routes = routes;
        this.limiter = limiter;
        this.problems = problems;
        this.accessLog = accessLog;
        this.config = config;
        this.clock = clock;
        this.forwarding = forwarding;
        this.bodyLimit = bodyLimit;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::handle);
        vertx.setPeriodic(60_000, id -> limiter.evictIdle());
    }

    void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.acceptOrNew(request.getHeader(REQUEST_ID));
        String traceparent = Tracing.traceparent(request.getHeader(TRACEPARENT));
        ctx.response().putHeader(REQUEST_ID, requestId).putHeader(TRACEPARENT, traceparent);
        RouteTable.Target target = routes.match(ctx.normalizedPath()).orElse(null);
        accessLog.onEnd(ctx, requestId, traceparent, target, started);
        if (target == null) {
            problems.send(ctx, ProblemTypes.NOT_FOUND, "No API at " + request.path(), requestId, Map.of());
            return;
        }
        request.pause();
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<VerifiedTokens.Verified> known = tokens.lookup(authorization);
        if (known.isPresent()) {
            authorised(ctx, proxyRequest, target, known.get(), requestId, traceparent);
            return;
        }
        String address = forwarding.clientAddress(request);
        RateLimiter.Decision verification = authorization == null ? null : limiter.verificationAllowed(address);
        if (verification != null && !verification.allowed()) {
            limited(ctx, proxyRequest, verification, "Too many requests with a token that is not valid from your"
                    + " address", requestId);
            return;
        }
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(ctx, null);
        Deadline.await(vertx, identity, config.tokenCheckTimeout(),
                caller -> authorised(ctx, proxyRequest, target, caller == null || caller.isAnonymous() ? null
                        : tokens.remember(authorization, caller), requestId, traceparent),
                failure -> {
                    limiter.failedAuthentication(address);
                    reject(ctx, proxyRequest, requestId, "The bearer token is not valid: send a current access token"
                            + " of the raaderum realm");
                },
                () -> uncheckable(ctx, proxyRequest, requestId));
    }

    /** The token's check waited for the identity provider past the deadline: not the caller's fault, so no 401. */
    private void uncheckable(RoutingContext ctx, ProxyRequest proxyRequest, String requestId) {
        LOG.warnf("A token's check waited more than %s for the identity provider (requestId=%s)",
                config.tokenCheckTimeout(), requestId);
        proxyRequest.release();
        ctx.response().putHeader("Retry-After", Long.toString(TOKEN_CHECK_RETRY_AFTER_SECONDS));
        problems.send(ctx, ProblemTypes.SERVICE_UNAVAILABLE, "Your token cannot be checked right now: the identity"
                + " provider does not answer. Retry in a moment", requestId, Map.of("service", IDENTITY_PROVIDER));
    }

    private void limited(RoutingContext ctx, ProxyRequest proxyRequest, RateLimiter.Decision decision, String who,
            String requestId) {
        proxyRequest.release();
        ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        problems.send(ctx, ProblemTypes.RATE_LIMITED, who + "; retry in " + decision.retryAfterSeconds() + " s",
                requestId, Map.of("retryAfterSeconds", decision.retryAfterSeconds()));
    }

    /** @param caller the verified token's caller; null without a token */
    private void authorised(RoutingContext ctx, ProxyRequest proxyRequest, RouteTable.Target target,
            VerifiedTokens.Verified caller, String requestId, String traceparent) {
        boolean anonymous = caller == null;
        if (anonymous && !target.publicAccess()) {
            reject(ctx, proxyRequest, requestId, "Send a valid bearer token from the raaderum realm"
                    + " (Authorization: Bearer <token>)");
            return;
        }
        String callerKey = anonymous ? "ip:" + forwarding.clientAddress(ctx.request()) : "sub:" + caller.subject();
        if (!anonymous) {
            accessLog.identify(ctx, caller);
        }
        RateLimiter.Decision decision = limiter.acquire(callerKey, !anonymous);
        if (!decision.allowed()) {
            limited(ctx, proxyRequest, decision, "Too many requests from " + (anonymous ? "your address"
                    : "your account"), requestId);
            return;
        }
        CircuitBreaker breaker = breaker(target.service());
        if (!breaker.allow()) {
            proxyRequest.release();
            ctx.response().putHeader("Retry-After", Long.toString(breaker.retryAfterSeconds()));
            problems.send(ctx, ProblemTypes.SERVICE_UNAVAILABLE, target.service() + " is unavailable; the gateway"
                    + " stopped calling it after repeated failures and will try again shortly", requestId,
                    Map.of("service", target.service()));
            return;
        }
        forward(ctx, proxyRequest, target, breaker, requestId, traceparent);
    }

    private void forward(RoutingContext ctx, ProxyRequest proxyRequest, RouteTable.Target target,
            CircuitBreaker breaker, String requestId, String traceparent) {
        URI base = target.baseUri();
        RequestOptions options = new RequestOptions()
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : 80)
                .setConnectTimeout(target.settings().connectTimeout().toMillis())
                .setIdleTimeout(target.settings().readTimeout().toMillis());
        proxyRequest.putHeader(REQUEST_ID, requestId).putHeader(TRACEPARENT, traceparent);
        forwarding.apply(ctx.request(), proxyRequest.headers());
        LimitedBody body = new LimitedBody(proxyRequest.getBody().stream(), bodyLimit.maxBytes());
        proxyRequest.setBody(Body.body(body, proxyRequest.getBody().length()));
        client(target).request(options).onComplete(connected -> {
            if (connected.failed()) {
                breaker.failure();
                proxyRequest.release();
                unavailable(ctx, target, requestId, connected.cause());
                return;
            }
            HttpClientRequest upstream = connected.result();
            body.onBreak(() -> broken(ctx, upstream, breaker, body, requestId));
            Future<ProxyResponse> sent = proxyRequest.send(upstream);
            // vertx-http-proxy resets the upstream when the caller's connection breaks: remember it was the caller
            ctx.response().exceptionHandler(gone -> body.callerGone());
            sent.onComplete(answered -> {
                if (answered.failed()) {
                    failed(ctx, target, breaker, body, requestId, answered.cause());
                    return;
                }
                ProxyResponse response = answered.result();
                int status = response.getStatusCode();
                if (status == 502 || status == 503 || status == 504) {
                    breaker.failure();
                } else {
                    breaker.success();
                }
                response.headers().remove(REQUEST_ID).remove(TRACEPARENT);
                response.send();
            });
        });
    }

    /**
     * The caller broke the exchange (body too large, upload or download broken off): stop the upstream's request at
     * once, unless the upstream has answered in full. Vert.x closes the connection of a request that is reset even
     * after its exchange has ended, when the connection may already carry the next request, which then fails (a 503 for
     * a healthy service). A caller that sends {@code Connection: close} hangs up as soon as it has read the last byte.
     */
    private void broken(RoutingContext ctx, HttpClientRequest upstream, CircuitBreaker breaker, LimitedBody body,
            String requestId) {
        if (body.tooLarge() || !answeredInFull(upstream)) {
            upstream.reset();
        }
        breaker.abandoned();
        if (body.tooLarge()) {
            bodyLimit.send(ctx, requestId);
        } else {
            LOG.debugf("[req:%s] the caller broke off its request body", requestId);
        }
    }

    private static boolean answeredInFull(HttpClientRequest upstream) {
        Future<HttpClientResponse> response = upstream.response();
        return response.succeeded() && response.result().end().isComplete();
    }

    /**
     * The exchange failed: the caller's doing (already answered in {@link #broken}, or a body still arriving when the
     * time ran out: 408) or the upstream's. Only the upstream's count for its breaker, so a caller that stalls its
     * uploads cannot make a service unavailable to everyone.
     */
    private void failed(RoutingContext ctx, RouteTable.Target target, CircuitBreaker breaker, LimitedBody body,
            String requestId, Throwable cause) {
        if (body.tooLarge() || body.aborted() || ctx.response().closed()) {
            breaker.abandoned();
            return;
        }
        if (timeout(cause) && !ctx.request().isEnded()) {
            breaker.abandoned();
            LOG.debugf("[req:%s] the caller's body was still arriving when %s's time ran out", requestId,
                    target.service());
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            problems.send(ctx, ProblemTypes.REQUEST_TIMEOUT, "Your request's body did not arrive in time; send it"
                    + " whole, without pauses", requestId, Map.of());
            // the rest of the body would keep the connection open: the answer is written, then it is closed
            ctx.request().connection().close();
            return;
        }
        breaker.failure();
        unavailable(ctx, target, requestId, cause);
    }

    private static boolean timeout(Throwable cause) {
        return cause instanceof TimeoutException
                || (cause != null && cause.getClass().getSimpleName().contains("Timeout"));
    }

    private void unavailable(RoutingContext ctx, RouteTable.Target target, String requestId, Throwable cause) {
        boolean timeout = timeout(cause);
        LOG.warnf("[req:%s] %s %s: %s", requestId, target.service(), timeout ? "did not answer in time"
                : "is unavailable", cause);
        problems.send(ctx, timeout ? ProblemTypes.GATEWAY_TIMEOUT : ProblemTypes.SERVICE_UNAVAILABLE,
                target.service() + (timeout ? " did not answer in time" : " is unavailable; retry in a moment"),
                requestId, Map.of("service", target.service()));
    }

    private void reject(RoutingContext ctx, ProxyRequest proxyRequest, String requestId, String detail) {
        proxyRequest.release();
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"raaderum\"");
        problems.send(ctx, ProblemTypes.UNAUTHENTICATED, detail, requestId, Map.of());
    }

    /**
     * The upstream's client of this event loop. Each event loop has its own pool, so a caller's connection and the
     * upstream connection serving it are handled by one thread: no hop between threads per exchange, and the caller's
     * hang-up and the upstream's end are seen in the order they happened (see {@link #broken}).
     */
    private HttpClient client(RouteTable.Target target) {
        return clients.get().computeIfAbsent(target.service(), service -> vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) target.settings().connectTimeout().toMillis())));
    }

    CircuitBreaker breaker(String service) {
        return breakers.computeIfAbsent(service, name -> new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                config.circuitBreaker().openDuration(), clock));
    }
}
