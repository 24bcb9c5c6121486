package dk.raaderum.platform.web.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

import jakarta.inject.Singleton;

/**
 * A JSON value is read as the type it is, never converted to the field's type, so a caller's mistake is a 400 naming
 * the field instead of a silently altered write:
 * <ul>
 * <li>a fraction such as {@code -1.5} sent for a whole-number field (kroner, years, ids) is refused, instead of
 * Jackson's default of cutting it to {@code -1};</li>
 * <li>a number or {@code true} sent for a text field is refused, instead of being stored as {@code "12345"} or
 * {@code "true"};</li>
 * <li>a string sent for a number or a yes/no field ({@code "1000000"}, {@code "false"}) is refused, as
 * {@code "1.500.000"} and {@code "nej"} already were; and a number for a yes/no field.</li>
 * </ul>
 * Dates and enums stay strings, as JSON has no type of their own.
 */
@Singleton
public class StrictScalars implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] { LogicalType.Integer, LogicalType.Float }) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }
}
