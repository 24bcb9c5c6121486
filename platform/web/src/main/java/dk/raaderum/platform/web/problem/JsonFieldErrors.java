package dk.raaderum.platform.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dk.raaderum.platform.web.text.ControlCharacterGuard;
import dk.raaderum.platform.web.time.DateRange;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a JSON value that could not be read says to its sender, in the platform's words and never Jackson's (no Java
 * class names): the field's path ({@code lines[1].year}) and what was wrong with it. Used for request bodies
 * ({@link ProblemMappers}) and for the rows of JSON import files.
 */
public final class JsonFieldErrors {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(long.class, Long.class, int.class, Integer.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);

    /** How Jackson's strict duplicate detection (StrictScalars) begins its message; the field's name follows. */
    private static final String DUPLICATE_FIELD = "Duplicate field";
    /** Where Jackson's reading limits name the Java setting they come from: not the sender's business. */
    private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

    private JsonFieldErrors() {
    }

    /**
     * The problem of a JSON document that could not be read: 400 {@code validation} naming the field when one is to
     * blame, else 400 {@code malformed-request} saying where the document breaks (or which reading limit it is beyond:
     * nesting depth, string or number length). Request bodies and JSON import files alike.
     */
    public static ProblemException problem(JsonProcessingException e) {
        Optional<FieldError> field = of(e);
        if (field.isPresent()) {
            return ProblemException.validation(field.get().field() + ": " + field.get().message(), List.of(field.get()));
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (e instanceof StreamConstraintsException limit) {
            return new ProblemException(ProblemTypes.MALFORMED_REQUEST, "The body is beyond what is read: "
                    + limit(limit) + where);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new ProblemException(ProblemTypes.MALFORMED_REQUEST, "The body must be JSON: "
                    + expected(mismatch.getTargetType()) + where);
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
            return new ProblemException(ProblemTypes.MALFORMED_REQUEST, "The body names a field twice: "
                    + e.getOriginalMessage().substring(DUPLICATE_FIELD.length()).strip() + where);
        }
        return new ProblemException(ProblemTypes.MALFORMED_REQUEST, "The body is not valid JSON" + where);
    }

    /** A reading limit's message without the Java setting it names. */
    private static String limit(StreamConstraintsException e) {
        return LIMIT_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
    }

    /**
     * The field and what is wrong with it; empty when the error is about the document, not a field (also when the
     * document breaks off or is not JSON inside a field's value).
     */
    public static Optional<FieldError> of(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()
                || mapping.getCause() instanceof JsonParseException) {
            return Optional.empty();
        }
        String message;
        if (mapping.getCause() instanceof StreamConstraintsException limit) {
            message = limit(limit);
        } else if (mapping.getCause() instanceof InputCoercionException coercion) {
            message = "the number is too large (this field's whole numbers are at most ±" + largest(coercion
                    .getTargetType()) + "; amounts and years have bounds of their own)";
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof ControlCharacterGuard.ControlCharacterException control) {
            message = control.getOriginalMessage();
        } else if (e instanceof DateRange.OutOfRangeException) {
            message = "must be " + DateRange.MESSAGE;
        } else if (e instanceof InvalidFormatException format) {
            message = "cannot be read as " + expected(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch) {
            message = "expected " + expected(mismatch.getTargetType());
        } else {
            message = "invalid value";
        }
        return Optional.of(new FieldError(path(mapping.getPath()), message));
    }

    /** What a value of the type is, in words: "a number", "true or false", "one of [SAVING, …]", … */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return "one of " + names;
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.getName().startsWith("java.time.")) {
            return "a date/time (ISO 8601) " + type.getSimpleName();
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** The largest value of the whole-number type a too large number was read for. */
    private static long largest(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Integer.MAX_VALUE;
        }
        if (type == short.class || type == Short.class) {
            return Short.MAX_VALUE;
        }
        return type == byte.class || type == Byte.class ? Byte.MAX_VALUE : Long.MAX_VALUE;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
