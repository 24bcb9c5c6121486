package dk.raaderum.ideabank.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The national list of policy areas (fagområder), shipped as data ({@code policy-areas.csv}). */
public final class PolicyAreas {

    /** A policy area of the national list: stable code, Danish name, main account 0–6. */
    public record PolicyArea(String code, String name, int mainAccount, List<String> words) {
    }

    private static final Map<String, PolicyArea> BY_CODE = load();

    private PolicyAreas() {
    }

    public static Optional<PolicyArea> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static boolean exists(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    /** The area with this code or (ignoring case) this Danish name, e.g. {@code aeldre} or {@code Ældre og omsorg}. */
    public static Optional<PolicyArea> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Optional.ofNullable(BY_CODE.get(wanted)).or(() -> BY_CODE.values().stream()
                .filter(area -> area.name().equalsIgnoreCase(wanted)).findFirst());
    }

    /** All areas, in the order of the list. */
    public static Collection<PolicyArea> all() {
        return BY_CODE.values();
    }

    /**
     * The national area of a municipality's own area (e.g. "Ældreområdet", main account 5): the first area one of
     * whose words occurs in the name, else the first area of the main account, else {@code tvaergaaende}.
     */
    public static PolicyArea forMunicipalArea(String name, int mainAccount) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return BY_CODE.values().stream().filter(area -> area.words().stream().anyMatch(lower::contains)).findFirst()
                .or(() -> BY_CODE.values().stream().filter(area -> area.mainAccount() == mainAccount).findFirst())
                .orElse(BY_CODE.get("tvaergaaende"));
    }

    private static Map<String, PolicyArea> load() {
        Map<String, PolicyArea> byCode = new LinkedHashMap<>();
        try (InputStream in = PolicyAreas.class.getResourceAsStream("policy-areas.csv")) {
            if (in == null) {
                throw new IllegalStateException("policy-areas.csv is missing from idea-bank-service");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split(";", -1);
                byCode.put(fields[0], new PolicyArea(fields[0], fields[1], Integer.parseInt(fields[2]),
                        List.of(fields[3].split("\\|"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(byCode);
    }
}
