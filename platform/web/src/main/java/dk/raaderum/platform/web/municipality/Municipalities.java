package dk.raaderum.platform.web.municipality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The official list of the 98 Danish municipalities, shipped as data ({@code municipalities.csv}). */
public final class Municipalities {

    private static final Map<String, Municipality> BY_CODE = load();

    private Municipalities() {
    }

    public static Optional<Municipality> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static boolean exists(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    /** All 98, ordered by code. */
    public static Collection<Municipality> all() {
        return BY_CODE.values();
    }

    private static Map<String, Municipality> load() {
        Map<String, Municipality> byCode = new LinkedHashMap<>();
        try (InputStream in = Municipalities.class.getResourceAsStream("municipalities.csv")) {
            if (in == null) {
                throw new IllegalStateException("municipalities.csv is missing from the platform-web jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split(";", -1);
                byCode.put(fields[0], new Municipality(fields[0], fields[1], fields[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(byCode);
    }
}
