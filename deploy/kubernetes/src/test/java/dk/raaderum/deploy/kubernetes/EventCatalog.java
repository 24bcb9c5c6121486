package dk.raaderum.deploy.kubernetes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topics of docs/events.md ("Topics and types") and who produces each. */
record EventCatalog(Map<String, String> producers) {

    /** A row of the table: | `topic` | `type` | key | producer | consumers | payload | */
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([a-z0-9.-]+)` \\| `dk\\.raaderum\\.[^`]+` \\|[^|]*\\| ([a-z-]+) \\|", Pattern.MULTILINE);

    static EventCatalog read(Path repository) {
        Map<String, String> producers = new LinkedHashMap<>();
        Matcher matcher = ROW.matcher(AppConfig.read(repository.resolve("docs/events.md")));
        while (matcher.find()) {
            producers.put(matcher.group(1), matcher.group(2));
        }
        if (producers.size() < 20) {
            throw new IllegalStateException("docs/events.md: only " + producers.size() + " topics read; has the "
                    + "table's layout changed?");
        }
        return new EventCatalog(producers);
    }

    Set<String> topics() {
        return new TreeSet<>(producers.keySet());
    }

    Set<String> producedBy(String service) {
        Set<String> topics = new TreeSet<>();
        producers.forEach((topic, producer) -> {
            if (producer.equals(service)) {
                topics.add(topic);
            }
        });
        return topics;
    }

    static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
