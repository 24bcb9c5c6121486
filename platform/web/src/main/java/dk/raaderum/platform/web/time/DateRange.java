package dk.raaderum.platform.web.time;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.function.Function;

/**
 * Every date and time the platform reads is in the years 1–9999, ISO 8601's four digits. Java reads years up to
 * ±999,999,999, which PostgreSQL cannot store (a 500), and PostgreSQL counts the years before 1 as BC, so year 0 was
 * read back as 0001 (a silently altered write). JSON bodies and import rows: a 400 naming the field ({@link #MESSAGE});
 * query parameters: {@link #within}. The services' own rules (a seen mark not in the future, …) come on top.
 */
@Singleton
public class DateRange implements ObjectMapperCustomizer {

    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    public static final String MESSAGE = "a date or time in the years " + FIRST_YEAR + "–" + LAST_YEAR
            + " (ISO 8601, e.g. 2027-01-01 or 2027-01-01T08:00:00Z)";

    /** Last, after the JSR-310 module Quarkus registers: a module registered later is asked first. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("raaderum-date-range")
                .addDeserializer(LocalDate.class, new Checked<>(LocalDateDeserializer.INSTANCE, d -> d))
                .addDeserializer(LocalDateTime.class, new Checked<>(LocalDateTimeDeserializer.INSTANCE, d -> d))
                .addDeserializer(Instant.class, new Checked<>(InstantDeserializer.INSTANT,
                        i -> i.atOffset(ZoneOffset.UTC)))
                .addDeserializer(OffsetDateTime.class, new Checked<>(InstantDeserializer.OFFSET_DATE_TIME, o -> o)));
    }

    /** Whether the date or time (an instant at UTC) is in the years 1–9999. */
    public static boolean within(TemporalAccessor value) {
        int year = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC).getYear()
                : value.get(ChronoField.YEAR);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** A date or time outside the years 1–9999 in JSON: the problem mapper names the field it was in. */
    public static final class OutOfRangeException extends JsonMappingException {

        OutOfRangeException(JsonParser parser) {
            super(parser, MESSAGE);
        }
    }

    private static final class Checked<T> extends JsonDeserializer<T> {

        private final JsonDeserializer<T> delegate;
        private final Function<T, TemporalAccessor> dated;

        Checked(JsonDeserializer<T> delegate, Function<T, TemporalAccessor> dated) {
            this.delegate = delegate;
            this.dated = dated;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = delegate.deserialize(parser, context);
            if (value != null && !within(dated.apply(value))) {
                throw new OutOfRangeException(parser);
            }
            return value;
        }

        @Override
        public Class<?> handledType() {
            return delegate.handledType();
        }
    }
}
