package dk.raaderum.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope of every event on every topic: a CloudEvents 1.0 event in structured JSON mode
 * ({@code application/cloudevents+json}), with the {@code municipality} extension attribute and the distributed-tracing
 * extension ({@code traceparent}, {@code tracestate}: the W3C trace context of the change). The Kafka record
 * key is {@link #subject()}, the aggregate id, so all events of one aggregate stay in order on one partition.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event; consumers deduplicate on it
 * @param source the producing service, e.g. {@code /raaderum/proposal-service}
 * @param type reverse-DNS type with its version, e.g. {@code dk.raaderum.proposal.adopted.v1}
 * @param subject the aggregate id (also the Kafka key)
 * @param time when the change happened (the producing transaction)
 * @param datacontenttype always {@code application/json}
 * @param municipality the municipality code (3 digits) the event belongs to; null for cross-municipal events
 * @param traceparent the W3C trace context the event was written in (the request or event that caused it); null when
 *        it was written outside any trace
 * @param tracestate the W3C tracestate belonging to {@code traceparent}, usually null
 * @param data the payload, a JSON object described by the type's payload record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String municipality,
        String traceparent,
        String tracestate,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** Content type of the Kafka record value (structured mode). */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
