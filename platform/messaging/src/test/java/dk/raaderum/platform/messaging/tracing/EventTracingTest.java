package dk.raaderum.platform.messaging.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a failed event's processing span says: ERROR, the failure's class as error.type, and no exception event. */
class EventTracingTest {

    @Test
    void aFailedProcessingIsMarkedErrorWithTheFailuresClassAndCarriesNoEvent() {
        List<SpanData> exported = new CopyOnWriteArrayList<>();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new Collecting(exported))).build()) {
            Span span = provider.get("test").spanBuilder("dk.raaderum.proposal.adopted.v1 process").startSpan();
            EventTracing.failed(span, new IllegalStateException("Poison: no such catalog"));
            span.end();
        }
        SpanData failed = exported.get(0);
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        assertEquals("IllegalStateException", failed.getStatus().getDescription());
        assertEquals(IllegalStateException.class.getName(),
                failed.getAttributes().get(AttributeKey.stringKey(EventTracing.ERROR_TYPE)));
        assertEquals(List.of(), failed.getEvents());
    }

    /** Keeps what is exported. */
    private record Collecting(List<SpanData> spans) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
