package dk.raaderum.platform.web.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A single-valued enum parameter ({@code ?status=adopted}) takes its values in any case, as the list filters do
 * ({@link QueryParams#enums}); anything else is a 400 naming the parameter and its values
 * ({@link QueryParams#enumValue}), where JAX-RS would only know that some parameter failed.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String name = StrictBooleans.name(annotations);
        Class<? extends Enum> type = (Class<? extends Enum>) rawType;
        return new ParamConverter<T>() {
            @Override
            public T fromString(String value) {
                return value == null ? null : (T) QueryParams.enumValue(name, value, type);
            }

            @Override
            public String toString(T value) {
                return ((Enum<?>) value).name();
            }
        };
    }
}
