package dk.raaderum.systemtest;

import dk.raaderum.platform.testing.KafkaTopics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * At-least-once delivery made visible: finds an event a service published on the platform's Kafka and sends the very
 * same record again, as a producer retry or a relay restart would.
 */
final class Redeliver {

    private Redeliver() {
    }

    /** Sends the first record of {@code topic} with this key again; fails when none arrives within 30 s. */
    static String again(String topic, String key) {
        ConsumerRecord<String, String> found = find(topic, key);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.stack().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> copy = new ProducerRecord<>(topic, found.key(), found.value());
            found.headers().forEach(header -> copy.headers().add(header));
            producer.send(copy).get();
            return found.value();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send " + topic + " again", e);
        }
    }

    private static ConsumerRecord<String, String> find(String topic, String key) {
        return find(topic, record -> key.equals(record.key()), "with key " + key);
    }

    /** The first record on the topic (read from the beginning) that matches, within 30 s. */
    static ConsumerRecord<String, String> find(String topic, Predicate<ConsumerRecord<String, String>> matching,
            String what) {
        return KafkaTopics.read(SharedStack.stack().kafkaBootstrapServers(), topic, matching, found -> !found.isEmpty(),
                Duration.ofSeconds(30)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("No record " + what + " on " + topic));
    }
}
