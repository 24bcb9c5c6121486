package dk.raaderum.platform.messaging.admin;

import java.util.Set;

/**
 * A topic this service consumes with a dead-letter topic, and the consumer groups of the channels that read it
 * (a dead-lettered record names its group in the {@code raaderum-dead-lettered-by} header).
 */
public record DeadLetterSource(String topic, String deadLetterTopic, Set<String> consumerGroups) {
}
