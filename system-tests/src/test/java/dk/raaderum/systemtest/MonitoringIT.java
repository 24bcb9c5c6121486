package dk.raaderum.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.raaderum.devstack.App;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert rules and the Grafana dashboard in deploy/monitoring name only metrics the running applications expose at
 * /q/metrics (a renamed metric would leave an alert that never fires, a panel that stays empty).
 */
class MonitoringIT {

    private static final Path MONITORING = Repo.root().resolve("deploy/monitoring");
    /** PromQL words that are not metrics: functions are followed by "(", these are not always. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private static final Set<String> exposed = new TreeSet<>();

    @BeforeAll
    static void platform() {
        String gateway = SharedStack.gateway();
        String token = SharedStack.keycloak().passwordToken("varde-finance");
        given().baseUri(gateway).auth().oauth2(token).get("/api/v1/municipalities/573/catalogs").then().statusCode(200);
        for (App app : App.ALL) {
            String metrics = given().baseUri(SharedStack.stack().url(app)).get("/q/metrics").then().statusCode(200)
                    .extract().asString();
            metrics.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exposed::add);
        }
    }

    @Test
    void everyMetricTheAlertRulesNameIsExposed() throws IOException {
        List<String> expressions = new ArrayList<>();
        Map<String, Object> rules = new Yaml().load(Files.readString(MONITORING.resolve("alert-rules.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.add(((Map<?, ?>) rule).get("expr").toString());
            }
        }
        assertNamedMetricsExposed(expressions, "alert-rules.yml");
    }

    @Test
    void everyMetricTheDashboardQueriesIsExposed() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        assertNamedMetricsExposed(expressions, "grafana-dashboard.json");
    }

    private static void assertNamedMetricsExposed(List<String> expressions, String file) {
        assertTrue(expressions.size() >= 5, file + ": " + expressions);
        Set<String> missing = new TreeSet<>();
        for (String expression : expressions) {
            Set<String> named = metricsIn(expression);
            assertTrue(!named.isEmpty(), "no metric in " + expression);
            named.stream().filter(name -> !exposed.contains(name)).forEach(missing::add);
        }
        assertEquals(Set.of(), missing, file + " names metrics that no application exposes");
    }

    /** The metric names of a PromQL expression: label matchers, ranges, grouping and strings removed, no functions. */
    static Set<String> metricsIn(String expression) {
        String bare = expression.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ").replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String name = matcher.group();
            boolean function = bare.substring(matcher.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(name) && !name.matches("[0-9eE.]+")) {
                names.add(name);
            }
        }
        return names;
    }
}
