package dk.raaderum.systemtest;

import dk.raaderum.devstack.LocalStack;

import io.restassured.path.json.JsonPath;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's outbox read next to what reached Kafka: how many events are still pending, and for the events written
 * since a moment, how many reached their topic twice or never, whether the events of each aggregate were sent in the
 * order they were written, and how long sending them took (first to last).
 */
final class Outboxes {

    private Outboxes() {
    }

    /** What became of the outbox rows written since a moment. */
    record Delivery(int events, long duplicates, long missing, long outOfOrder, long drainMillis) {
    }

    /** Rows not sent yet. */
    static long pending(LocalStack stack, String database) throws SQLException {
        try (Connection connection = Databases.connect(stack, database);
                ResultSet rs = connection.createStatement().executeQuery(
                        "select count(*) from outbox_event where sent_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Delivery delivery(LocalStack stack, String database, Instant since) throws SQLException {
        record Row(String eventId, String topic, String aggregate) {
        }
        List<Row> rows = new ArrayList<>();
        long outOfOrder;
        long drainMillis;
        try (Connection connection = Databases.connect(stack, database)) {
            try (PreparedStatement select = connection.prepareStatement(
                    "select event_id, topic, aggregate_id from outbox_event where created_at >= ? order by id")) {
                select.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            try (PreparedStatement drain = connection.prepareStatement(
                    "select coalesce(extract(epoch from max(sent_at) - min(sent_at)) * 1000, 0) from outbox_event"
                            + " where created_at >= ?")) {
                drain.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = drain.executeQuery()) {
                    rs.next();
                    drainMillis = rs.getLong(1);
                }
            }
            try (PreparedStatement order = connection.prepareStatement("""
                    select count(*) from (select sent_at, lag(sent_at) over (partition by aggregate_id order by id) before
                                            from outbox_event where created_at >= ?) t where sent_at < before""")) {
                order.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = order.executeQuery()) {
                    rs.next();
                    outOfOrder = rs.getLong(1);
                }
            }
        }
        Map<String, Integer> seen = read(stack, rows.stream().map(Row::topic).distinct().toList(),
                Set.copyOf(rows.stream().map(Row::eventId).toList()));
        long duplicates = seen.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
        long missing = rows.stream().filter(row -> !seen.containsKey(row.eventId())).count();
        return new Delivery(rows.size(), duplicates, missing, outOfOrder, drainMillis);
    }

    /** How often each of the event ids is on the topics. */
    private static Map<String, Integer> read(LocalStack stack, List<String> topics, Set<String> eventIds) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Integer> seen = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic).forEach(p -> partitions.add(
                    new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = eventId(record.value());
                    if (id != null && eventIds.contains(id)) {
                        seen.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        return seen;
    }

    /** The CloudEvent id, or null for a record that is not one (other tests write malformed records on purpose). */
    private static String eventId(String value) {
        try {
            return value == null ? null : JsonPath.from(value).getString("id");
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
