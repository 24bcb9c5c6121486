package dk.raaderum.platform.messaging.admin;

import dk.raaderum.platform.messaging.config.MessagingConfig;
import dk.raaderum.platform.messaging.consumer.ConsumerRegistry;
import dk.raaderum.platform.messaging.consumer.ConsumerRegistry.KafkaConsumerMethod;
import dk.raaderum.platform.messaging.consumer.ConsumerStoppingException;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Re-drives the records this service dead-lettered IN THIS PROCESS: each one goes, rebuilt as the consumer first read
 * it ({@link DeadLetterRecords#original}), to the same {@code @Incoming} method the live channel calls
 * ({@link ConsumerRegistry}). Nothing is written to the consumed topic (another service owns it); the consumer's
 * {@code processed_event} makes an event that was applied before a no-op. A record that fails again is written to
 * the dead-letter topic again, with a fresh reason and this service's group as {@code raaderum-dead-lettered-by}, and
 * the re-drive goes on with the next. How far each dead-letter topic was re-driven is the committed offset of this
 * service's re-drive consumer group (raaderum.messaging.redrive.group-id), committed only after every re-write was
 * acknowledged. Records another service dead-lettered (several services may read one topic, and so share its
 * dead-letter topic) are skipped.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);

    private final Map<String, Object> kafkaConfig;
    private final MessagingConfig.Redrive config;
    private final ConsumerRegistry consumers;

    public DeadLetterRedrive(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MessagingConfig config,
            ConsumerRegistry consumers) {
        this.kafkaConfig = kafkaConfig;
        this.config = config.redrive();
        this.consumers = consumers;
    }

    /**
     * One dead-letter topic re-driven: records processed (applied, or found applied before), left alone (another
     * service's) and failed again (dead-lettered again).
     */
    public record Result(String topic, String deadLetterTopic, long redriven, long skipped, long failed) {
    }

    public synchronized Result redrive(DeadLetterSource source, boolean includeUnattributed) {
        KafkaConsumerMethod handler = consumers.forTopic(source.topic()).orElseThrow(() -> new ProblemException(
                ProblemTypes.CONFLICT, "No @Incoming method taking a ConsumerRecord reads " + source.topic()
                        + " in this service, so its dead letters cannot be re-driven here"));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings())) {
            List<TopicPartition> partitions = partitions(consumer, source.deadLetterTopic());
            if (partitions.isEmpty()) {
                return new Result(source.topic(), source.deadLetterTopic(), 0, 0, 0);
            }
            Map<TopicPartition, Long> end = positionAtCommitted(consumer, partitions);
            Pass pass = new Pass(source, includeUnattributed, handler, producer);
            readToEnd(consumer, end, pass);
            awaitAcknowledged(producer, pass.rewrites);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(done, Duration.ofSeconds(10));
            LOG.infof("Re-drive of %s (%s): %d record(s) processed, %d failed again and were dead-lettered again, "
                    + "%d of other services left", source.deadLetterTopic(), handler, pass.redriven,
                    pass.rewrites.size(), pass.skipped);
            return pass.result();
        } catch (KafkaException e) {
            throw unavailable("Kafka refused the re-drive of " + source.deadLetterTopic() + ": " + e.getMessage());
        }
    }

    /** Hands every record up to {@code end} to the pass; throws (nothing committed) after the configured timeout. */
    private void readToEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, Pass pass) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        while (!reached(consumer, end)) {
            if (System.nanoTime() > deadline) {
                throw unavailable("Re-driving " + pass.source.deadLetterTopic() + " took longer than "
                        + config.timeout() + "; nothing was committed");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    pass.accept(record); // later ones were dead-lettered after this re-drive began: the next takes them
                }
            }
        }
    }

    /** One re-drive of one dead-letter topic: processes this service's records, counts, re-writes what fails again. */
    private static final class Pass {

        private final DeadLetterSource source;
        private final boolean includeUnattributed;
        private final KafkaConsumerMethod handler;
        private final KafkaProducer<byte[], byte[]> producer;
        private final List<Future<RecordMetadata>> rewrites = new ArrayList<>();
        private long redriven;
        private long skipped;

        Pass(DeadLetterSource source, boolean includeUnattributed, KafkaConsumerMethod handler,
                KafkaProducer<byte[], byte[]> producer) {
            this.source = source;
            this.includeUnattributed = includeUnattributed;
            this.handler = handler;
            this.producer = producer;
        }

        void accept(ConsumerRecord<byte[], byte[]> dead) {
            Optional<String> by = DeadLetterRecords.deadLetteredBy(dead);
            if (!isOurs(by)) {
                skipped++;
                return;
            }
            ConsumerRecord<String, String> original = DeadLetterRecords.original(dead, source.topic());
            try {
                handler.process(original);
                redriven++;
            } catch (ConsumerStoppingException e) {
                throw unavailable("The application stops during the re-drive of " + source.deadLetterTopic()
                        + "; nothing was committed");
            } catch (RuntimeException e) {
                String group = by.orElseGet(() -> new TreeSet<>(source.consumerGroups()).first());
                LOG.warnf("Re-drive: %s-%d@%d (key %s) failed again, dead-lettered again: %s", original.topic(),
                        original.partition(), original.offset(), original.key(), e.getMessage());
                rewrites.add(producer.send(DeadLetterRecords.again(dead, original, e, group)));
            }
        }

        /** Dead-lettered by one of this service's groups; without attribution only when asked for. */
        private boolean isOurs(Optional<String> deadLetteredBy) {
            return deadLetteredBy.map(source.consumerGroups()::contains).orElse(includeUnattributed);
        }

        Result result() {
            return new Result(source.topic(), source.deadLetterTopic(), redriven, skipped, rewrites.size());
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

    private static void awaitAcknowledged(KafkaProducer<byte[], byte[]> producer, List<Future<RecordMetadata>> sends) {
        producer.flush();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while Kafka acknowledged the records dead-lettered again; nothing was "
                    + "committed");
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable("Kafka did not acknowledge every record dead-lettered again (" + e.getMessage()
                    + "); nothing was committed, a second call re-drives them again");
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
