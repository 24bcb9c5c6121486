package dk.raaderum.systemtest.bench;

import dk.raaderum.platform.infra.JavaLauncher;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the platform from another process: {@link LoadGenerator} in a JVM of its own (fixed rate, open loop), and
 * for saturation wrk when it is on the PATH ({@value #WRK_THREADS} threads, {@value #SATURATION_CONNECTIONS}
 * keep-alive connections, {@code --latency}), else the generator's closed loops with as many connections.
 */
public final class LoadRun {

    public static final int SATURATION_CONNECTIONS = 8;
    static final int WRK_THREADS = 2;
    private static final Path WRK = Path.of("/usr/bin/wrk");

    private final Duration warmup;
    private final Duration measure;
    private final Path workDir;

    public LoadRun(Duration warmup, Duration measure, Path workDir) {
        this.warmup = warmup;
        this.measure = measure;
        this.workDir = workDir;
    }

    /** wrk when installed, for the table's "measured by". */
    public static boolean wrkInstalled() {
        return wrk() != null;
    }

    /** {@code rate} requests/s for the measured time, after a warm-up at the same rate; GET, or POST of {@code json}. */
    public Measured fixedRate(String url, String token, int rate, String json) {
        List<String> command = generator("open", url);
        command.addAll(List.of("--rate", Integer.toString(rate)));
        if (json != null) {
            command.addAll(List.of("--body", write(json).toString()));
        }
        return generated(command, token);
    }

    /**
     * Saturation load for the warm-up time, not measured: every target compared at saturation is warmed before any of
     * them is measured ({@link #saturation}), so none is measured while a process it passes through still compiles.
     */
    public void warmUpSaturation(String url, String token) {
        Path wrk = wrk();
        if (wrk == null) {
            List<String> command = generator("closed", url, warmup, Duration.ZERO);
            command.addAll(List.of("--connections", Integer.toString(SATURATION_CONNECTIONS)));
            generated(command, token);
        } else {
            runWrk(wrk, url, token, warmup);
        }
    }

    /**
     * As many GETs as {@value #SATURATION_CONNECTIONS} connections get answered, each sent when the last is in, for the
     * measured time; no warm-up of its own (after {@link #warmUpSaturation}).
     */
    public Measured saturation(String url, String token) {
        Path wrk = wrk();
        if (wrk == null) {
            List<String> command = generator("closed", url, measure, Duration.ZERO);
            command.addAll(List.of("--connections", Integer.toString(SATURATION_CONNECTIONS)));
            return generated(command, token);
        }
        return Wrk.parse(runWrk(wrk, url, token, measure));
    }

    private List<String> generator(String mode, String url) {
        return generator(mode, url, measure, warmup);
    }

    private List<String> generator(String mode, String url, Duration seconds, Duration warmupFirst) {
        return new ArrayList<>(List.of(JavaLauncher.javaExecutable(), "-Xms64m", "-Xmx256m",
                JavaLauncher.SERIAL_GC, "-cp", testClasspath(), LoadGenerator.class.getName(), "--mode", mode, "--url", url,
                "--seconds", Long.toString(seconds.toSeconds()), "--warmup", Long.toString(warmupFirst.toSeconds())));
    }

    private Measured generated(List<String> command, String token) {
        String output = run(command, token);
        String line = output.lines().filter(l -> l.startsWith(LoadGenerator.RESULT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The load generator printed no result:\n" + output));
        JsonPath json = JsonPath.from(line.substring(LoadGenerator.RESULT.length()));
        if (!json.getString("firstError").isEmpty()) {
            System.out.println("[bench] first error: " + json.getString("firstError"));
        }
        return new Measured(json.getString("tool"), json.getLong("requests"), json.getDouble("perSecond"),
                json.getLong("errors"), json.getDouble("p50"), json.getDouble("p90"), json.getDouble("p99"),
                json.getDouble("max"));
    }

    private String runWrk(Path wrk, String url, String token, Duration duration) {
        return run(List.of(wrk.toString(), "-t" + WRK_THREADS, "-c" + SATURATION_CONNECTIONS,
                "-d" + duration.toSeconds() + "s", "--latency", "-H", "Authorization: Bearer " + token, url), token);
    }

    /** Runs a load process to its end (bounded by the phase's time plus a minute) and returns what it printed. */
    private String run(List<String> command, String token) {
        try {
            Path output = Files.createTempFile(workDir, "load-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put(LoadGenerator.AUTHORIZATION, "Bearer " + token);
            Process process = builder.start();
            long limit = warmup.plus(measure).toSeconds() + 60;
            if (!process.waitFor(limit, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("The load process did not end within " + limit + " s: " + command.get(0));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path write(String json) {
        try {
            return Files.writeString(Files.createTempFile(workDir, "body-", ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire's test classpath (its booter jar hides it from java.class.path). */
    static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static Path wrk() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Files.isExecutable(WRK) ? WRK : null;
    }

    /** Reads wrk's report ({@code --latency}). */
    static final class Wrk {

        private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$",
                Pattern.MULTILINE);
        private static final Pattern LATENCY = Pattern.compile(
                "^\\s*Latency\\s+[\\d.]+\\w+\\s+[\\d.]+\\w+\\s+([\\d.]+)(us|ms|s)", Pattern.MULTILINE);
        private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in", Pattern.MULTILINE);
        private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)", Pattern.MULTILINE);
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
        private static final Pattern SOCKET = Pattern.compile(
                "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

        private Wrk() {
        }

        static Measured parse(String output) {
            double[] percentiles = new double[3];
            Matcher p = PERCENTILE.matcher(output);
            while (p.find()) {
                int index = switch (p.group(1)) {
                    case "50" -> 0;
                    case "90" -> 1;
                    default -> 2;
                };
                percentiles[index] = millis(p.group(2), p.group(3));
            }
            Matcher max = find(LATENCY, output);
            return new Measured(String.format(Locale.ROOT, "wrk -t%d -c%d", WRK_THREADS, SATURATION_CONNECTIONS),
                    Long.parseLong(find(REQUESTS, output).group(1)), Double.parseDouble(find(RATE, output).group(1)),
                    errors(output), percentiles[0], percentiles[1], percentiles[2], millis(max.group(1), max.group(2)));
        }

        private static long errors(String output) {
            long errors = 0;
            Matcher non2xx = NON_2XX.matcher(output);
            if (non2xx.find()) {
                errors += Long.parseLong(non2xx.group(1));
            }
            Matcher socket = SOCKET.matcher(output);
            if (socket.find()) {
                for (int i = 1; i <= 4; i++) {
                    errors += Long.parseLong(socket.group(i));
                }
            }
            return errors;
        }

        private static Matcher find(Pattern pattern, String output) {
            Matcher matcher = pattern.matcher(output);
            if (!matcher.find()) {
                throw new IllegalStateException("Unexpected wrk output:\n" + output);
            }
            return matcher;
        }

        private static double millis(String value, String unit) {
            double number = Double.parseDouble(value);
            return switch (unit) {
                case "us" -> number / 1000;
                case "s" -> number * 1000;
                default -> number;
            };
        }
    }
}
