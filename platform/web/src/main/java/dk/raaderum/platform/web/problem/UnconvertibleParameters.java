package dk.raaderum.platform.web.problem;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which path or query parameter JAX-RS could not convert ({@code /catalogs/abc}, {@code ?page=x}): the resource
 * method's parameters (and those of its {@code @BeanParam}s) are read again from the request, each by its declared
 * type, and the first one that does not convert is named. Only on the error path; empty when none can be named.
 * Enums and booleans name themselves ({@code EnumParameters}, {@code StrictBooleans}).
 */
final class UnconvertibleParameters {

    static final String WHOLE_NUMBER = "must be a whole number";
    static final String TOO_LARGE = "is too large";
    static final String NUMBER = "must be a number";
    private static final int VALUE_SHOWN = 40;

    private UnconvertibleParameters() {
    }

    /** The first parameter of {@code method} whose value in the request does not convert to its type. */
    static Optional<FieldError> find(Method method, UriInfo uri) {
        if (method == null) {
            return Optional.empty();
        }
        return Arrays.stream(method.getParameters()).flatMap(UnconvertibleParameters::declared)
                .map(declared -> declared.check(uri)).flatMap(Optional::stream).findFirst();
    }

    /** The detail of a 400 naming it: {@code catalogId: 'abc' must be a whole number}. */
    static String detail(FieldError error, UriInfo uri) {
        String value = Stream.of(uri.getPathParameters().get(error.field()), uri.getQueryParameters().get(error.field()))
                .filter(values -> values != null && !values.isEmpty()).map(values -> values.get(0)).findFirst()
                .orElse("");
        String shown = value.length() > VALUE_SHOWN ? value.substring(0, VALUE_SHOWN) + "…" : value;
        return error.field() + ": '" + shown + "' " + error.message();
    }

    private record Declared(String name, boolean path, Type type) {

        Optional<FieldError> check(UriInfo uri) {
            MultivaluedMap<String, String> values = path ? uri.getPathParameters() : uri.getQueryParameters();
            List<String> given = values.get(name);
            if (given == null) {
                return Optional.empty();
            }
            Class<?> element = elementType(type);
            return given.stream().map(value -> problem(element, value)).flatMap(Optional::stream).findFirst()
                    .map(message -> new FieldError(name, message));
        }
    }

    private static Stream<Declared> declared(Parameter parameter) {
        if (parameter.isAnnotationPresent(BeanParam.class)) {
            return Arrays.stream(parameter.getType().getFields()).flatMap(UnconvertibleParameters::declared);
        }
        return declared(parameter, parameter.getParameterizedType()).stream();
    }

    private static Stream<Declared> declared(Field field) {
        return declared(field, field.getGenericType()).stream();
    }

    private static Optional<Declared> declared(AnnotatedElement element, Type type) {
        PathParam path = element.getAnnotation(PathParam.class);
        if (path != null) {
            return Optional.of(new Declared(path.value(), true, type));
        }
        QueryParam query = element.getAnnotation(QueryParam.class);
        return Optional.ofNullable(query).map(q -> new Declared(q.value(), false, type));
    }

    /** The type of one value: a list's or set's element type, else the type itself. */
    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && generic.getActualTypeArguments()[0] instanceof Class<?> e) {
            return e;
        }
        return type instanceof Class<?> plain ? plain : String.class;
    }

    /** What is wrong with {@code value} as a {@code type}; empty when it converts or the type is not checked here. */
    private static Optional<String> problem(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == BigDecimal.class || type == double.class || type == Double.class) {
                new BigDecimal(value);
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            if (type == BigDecimal.class || type == double.class || type == Double.class) {
                return Optional.of(NUMBER);
            }
            return Optional.of(value.matches("[+-]?\\d+") ? TOO_LARGE : WHOLE_NUMBER);
        }
    }
}
