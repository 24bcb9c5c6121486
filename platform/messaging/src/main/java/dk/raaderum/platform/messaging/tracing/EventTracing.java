package dk.raaderum.platform.messaging.tracing;

import dk.raaderum.platform.events.CloudEvent;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One trace across the event hop (W3C trace context). A request's context is written into its events (the CloudEvents
 * distributed-tracing extension: {@code traceparent}, {@code tracestate}) in the business transaction; the relay
 * publishes each event as a child of that context (SmallRye's producer span, which also sets the record's
 * {@code traceparent} header); a consumer processes it in a span whose parent is the record's header, or the event's
 * own context when the record has none, so what the handler writes to its outbox carries the same trace on.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The semantic conventions' attribute naming the class of error an operation ended with. */
    public static final String ERROR_TYPE = "error.type";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dk.raaderum.platform.messaging");
    }

    /** The trace context an event written now belongs to (both null outside any trace). */
    public record TraceContext(String traceparent, String tracestate) {
    }

    public static TraceContext current() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /**
     * Starts the span of one consumer processing one event; the caller makes it current while the handler runs and
     * ends it. Its parent is the record's traceparent header (the producer's span), else the event's own context.
     */
    public Span startProcessing(String consumer, CloudEvent envelope, ConsumerRecord<?, ?> record) {
        String header = header(record, TRACEPARENT);
        Context parent = header != null ? parentOf(header, header(record, TRACESTATE))
                : parentOf(envelope.traceparent(), envelope.tracestate());
        return tracer.spanBuilder(envelope.type() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", envelope.id())
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("raaderum.event.subject", String.valueOf(envelope.subject()))
                .startSpan();
    }

    /**
     * Marks the processing span failed (the record is retried, waits or goes to the dead-letter topic): status ERROR and
     * the failure's class as {@code error.type}. Not as an exception event: spans carry no events (the platform's
     * {@code quarkus.otel.span.event.count.limit}); the consumer's log lines of the same trace say why.
     */
    public static void failed(Span span, Throwable failure) {
        span.setAttribute(ERROR_TYPE, failure.getClass().getName());
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }

    /**
     * The context a W3C traceparent/tracestate pair names (the root without a traceparent): an outbox row's, as the
     * parent of its publication, or a record's, as the parent of its processing.
     */
    public static Context parentOf(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), carrier, FROM_MAP);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
