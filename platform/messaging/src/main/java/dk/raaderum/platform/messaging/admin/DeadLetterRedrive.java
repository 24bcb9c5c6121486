package dk.raaderum.platform.messaging.admin;

import dk.raaderum.platform.messaging.config.MessagingConfig;
import dk.raaderum.platform.messaging.consumer.PlatformFailureStrategy;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.problem.ProblemTypes;

import io.smallrye.common.annotation.Identifier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies the records this service dead-lettered back onto their original topic, once: same key, value and headers
 * (without the dead-letter ones). How far each dead-letter topic was re-driven is the committed offset of this
 * service's re-drive consumer group (raaderum.messaging.redrive.group-id), committed only after every copy was
 * acknowledged. Records another service dead-lettered (several services may read one topic, and so share its
 * dead-letter topic) are skipped; a copy that reaches a consumer that had processed the event is a no-op there
 * (processed_event).
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);
    private static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";

    private final Map<String, Object> kafkaConfig;
    private final MessagingConfig.Redrive config;

    public DeadLetterRedrive(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MessagingConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config.redrive();
    }

    /** One dead-letter topic re-driven: records copied back, and records left alone (another service's). */
    public record Result(String topic, String deadLetterTopic, long redriven, long skipped) {
    }

    public synchronized Result redrive(DeadLetterSource source, boolean includeUnattributed) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings())) {
            long deadline = System.nanoTime() + config.timeout().toNanos();
            List<TopicPartition> partitions = partitions(consumer, source.deadLetterTopic());
            if (partitions.isEmpty()) {
                return new Result(source.topic(), source.deadLetterTopic(), 0, 0);
            }
            Map<TopicPartition, Long> end = positionAtCommitted(consumer, partitions);
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            long skipped = 0;
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw unavailable("Reading " + source.deadLetterTopic() + " took longer than " + config.timeout()
                            + "; nothing was committed");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue; // dead-lettered after this re-drive began: the next one takes it
                    }
                    if (isOurs(record, source, includeUnattributed)) {
                        sends.add(producer.send(copy(record, source.topic())));
                    } else {
                        skipped++;
                    }
                }
            }
            awaitAcknowledged(producer, sends);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(done, Duration.ofSeconds(10));
            LOG.infof("Re-drive: %d record(s) copied from %s back to %s, %d of other services left", sends.size(),
                    source.deadLetterTopic(), source.topic(), skipped);
            return new Result(source.topic(), source.deadLetterTopic(), sends.size(), skipped);
        } catch (KafkaException e) {
            throw unavailable("Kafka refused the re-drive of " + source.deadLetterTopic() + ": " + e.getMessage());
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.listTopics(Duration.ofSeconds(10)).get(topic);
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** Assigns the partitions at the group's committed offsets (the beginning when none); returns their ends now. */
    private static Map<TopicPartition, Long> positionAtCommitted(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions) {
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions),
                Duration.ofSeconds(10));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        return consumer.endOffsets(partitions, Duration.ofSeconds(10));
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(10)) >= e.getValue());
    }

    private static boolean isOurs(ConsumerRecord<byte[], byte[]> record, DeadLetterSource source,
            boolean includeUnattributed) {
        Header by = record.headers().lastHeader(PlatformFailureStrategy.DEAD_LETTERED_BY);
        if (by == null) {
            return includeUnattributed;
        }
        return source.consumerGroups().contains(new String(by.value(), StandardCharsets.UTF_8));
    }

    private static ProducerRecord<byte[], byte[]> copy(ConsumerRecord<byte[], byte[]> record, String topic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)
                    && !header.key().equals(PlatformFailureStrategy.DEAD_LETTERED_BY)) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private static void awaitAcknowledged(KafkaProducer<byte[], byte[]> producer, List<Future<RecordMetadata>> sends) {
        producer.flush();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while Kafka acknowledged the re-driven records; nothing was committed");
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable("Kafka did not acknowledge every re-driven record (" + e.getMessage()
                    + "); nothing was committed, a second call sends them again");
        }
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> settings = filtered(ConsumerConfig.configNames());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return settings;
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = filtered(ProducerConfig.configNames());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-producer");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return settings;
    }

    private Map<String, Object> filtered(Set<String> known) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(ProblemTypes.SERVICE_UNAVAILABLE, detail);
    }
}
