package dk.raaderum.platform.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A JSON value is read as the type it is, never converted to the field's type, so a caller's mistake is a 400 naming
 * the field instead of a silently altered write:
 * <ul>
 * <li>a fraction such as {@code -1.5} sent for a whole-number field (kroner, years, ids) is refused, instead of
 * Jackson's default of cutting it to {@code -1};</li>
 * <li>a number or {@code true} sent for a text field is refused, instead of being stored as {@code "12345"} or
 * {@code "true"};</li>
 * <li>a string sent for a whole number or a yes/no field ({@code "1000000"}, {@code "false"}) is refused, as
 * {@code "1.500.000"} and {@code "nej"} already were; and a number for a yes/no field. An exact decimal
 * ({@link BigDecimal}: a percent) may be a string, {@code "1.25"}, as clients that would otherwise pass it through a
 * binary floating-point number send it.</li>
 * </ul>
 * A field named twice in one object is refused too, instead of the last one silently winning.
 * Dates and enums stay strings, as JSON has no type of their own. The rows of JSON import files are read the same way.
 */
@Singleton
public class StrictScalars implements ObjectMapperCustomizer {

    /** The conversions refused: the field's type, and the JSON shapes it is not read from. */
    private static final Map<LogicalType, List<CoercionInputShape>> REFUSED = Map.of(
            LogicalType.Textual, List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean),
            LogicalType.Integer, List.of(CoercionInputShape.String),
            LogicalType.Float, List.of(CoercionInputShape.String),
            LogicalType.Boolean, List.of(CoercionInputShape.String, CoercionInputShape.Integer));

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        set(mapper, CoercionAction.Fail);
        mapper.coercionConfigFor(BigDecimal.class).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    }

    private static void set(ObjectMapper mapper, CoercionAction action) {
        REFUSED.forEach((type, shapes) -> shapes.forEach(shape -> mapper.coercionConfigFor(type)
                .setCoercion(shape, action)));
    }
}
