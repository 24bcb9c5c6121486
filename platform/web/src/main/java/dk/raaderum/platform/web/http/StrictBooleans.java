package dk.raaderum.platform.web.http;

import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A yes/no parameter ({@code ?reducesService=true}) is {@code true} or {@code false} (any case), nothing else: JAX-RS
 * reads every other word, {@code maybe} or {@code ja}, as {@code false}, which silently filters the other way. Anything
 * else is a 400 naming the parameter.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class && rawType != boolean.class) {
            return null;
        }
        String name = name(annotations);
        return (ParamConverter<T>) new ParamConverter<Boolean>() {
            @Override
            public Boolean fromString(String value) {
                if (value == null) {
                    return null;
                }
                if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
                    return Boolean.valueOf(value.strip().toLowerCase());
                }
                throw ProblemException.validation(name + ": '" + value + "' is neither true nor false",
                        List.of(new FieldError(name, "true or false")));
            }

            @Override
            public String toString(Boolean value) {
                return String.valueOf(value);
            }
        };
    }

    /** The name of the parameter the annotations declare, for its 400. */
    static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }
}
