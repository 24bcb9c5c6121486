package dk.raaderum.systemtest.bench;

import dk.raaderum.platform.testing.FixedRateLoad;
import dk.raaderum.platform.testing.Latencies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's load generator, run as a JVM of its own ({@link LoadRun} starts it), so its work is not counted in
 * the platform's processes and its JIT and GC do not stop the JVM that starts the platform. Two modes:
 * <ul>
 * <li>{@code open}: a fixed rate, open loop, with the platform's {@link FixedRateLoad} (a Vert.x event loop over a
 * pool of keep-alive HTTP/1.1 connections; each latency measured from the request's intended start, so queueing is
 * not hidden by coordinated omission);</li>
 * <li>{@code closed}: {@code connections} loops each sending again as soon as the answer is in (saturation; used when
 * wrk is not installed).</li>
 * </ul>
 * Arguments {@code --mode open|closed --url U --seconds S --warmup S [--rate R] [--connections N] [--body FILE]}
 * (with a body: a POST of JSON; in an open-loop GET's URL, {@value #REQUEST_NUMBER} stands for the request's number, so
 * every request can ask something not asked before); the Authorization header comes from the environment variable
 * {@value #AUTHORIZATION}, so no token shows in the process list. Prints one line: {@value #RESULT} and a JSON object.
 */
public final class LoadGenerator {

    public static final String AUTHORIZATION = "BENCH_AUTHORIZATION";
    public static final String RESULT = "LOAD-RESULT ";
    public static final String REQUEST_NUMBER = "{n}";

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.get("url");
        Duration seconds = Duration.ofSeconds(Long.parseLong(options.get("seconds")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "2")));
        Map<String, String> headers = Map.of("Authorization", System.getenv(AUTHORIZATION));
        String body = options.containsKey("body") ? Files.readString(Path.of(options.get("body"))) : null;
        String json = switch (options.get("mode")) {
            case "open" -> open(url, headers, body, Integer.parseInt(options.get("rate")), warmup, seconds);
            case "closed" -> closed(URI.create(url), headers, Integer.parseInt(options.get("connections")), warmup, seconds);
            default -> throw new IllegalArgumentException("--mode open|closed");
        };
        System.out.println(RESULT + json);
        System.exit(0); // the Vert.x and HTTP client threads are done; do not wait for their idle timeouts
    }

    private static String open(String url, Map<String, String> headers, String body, int rate, Duration warmup,
            Duration seconds) throws InterruptedException {
        FixedRateLoad load = body == null
                ? FixedRateLoad.get(n -> URI.create(url.replace(REQUEST_NUMBER, Integer.toString(n))), headers)
                : FixedRateLoad.postJson(URI.create(url), headers, body);
        FixedRateLoad.Result result = load.run(rate, warmup, seconds);
        return json("fixed-rate LoadGenerator (Vert.x, open loop)", result.latencies(), result.errors(),
                result.firstError());
    }

    private static String closed(URI url, Map<String, String> headers, int connections, Duration warmup,
            Duration seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        headers.forEach(request::header);
        Latencies.closedLoop(http, request.build(), connections, warmup);
        Latencies measured = Latencies.closedLoop(http, request.build(), connections, seconds);
        return json("LoadGenerator (java.net.http, " + connections + " loops)", measured, 0, null);
    }

    private static String json(String tool, Latencies latencies, int errors, String firstError) {
        return String.format(java.util.Locale.ROOT, "{\"tool\":\"%s\",\"requests\":%d,\"perSecond\":%.1f,\"errors\":%d,"
                + "\"firstError\":\"%s\",\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"max\":%.3f}", tool, latencies.count(),
                latencies.perSecond(), errors, firstError == null ? "" : firstError.replaceAll("[\"\\\\]", "'"),
                latencies.millis(50), latencies.millis(90), latencies.millis(99), latencies.maxMillis());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
