package dk.raaderum.platform.web.text;

import dk.raaderum.platform.text.ControlCharacters;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import io.quarkus.jackson.ObjectMapperCustomizer;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link ControlCharacters} to every JSON string of every request body (a 400 naming the field), to every
 * query parameter (a 400 naming the parameter) and to the path ({@code %00} in a path parameter: a 400 naming
 * {@code path}), so no service ever hands such text to its database; and a JSON string that only looks blank
 * ({@link ControlCharacters#invisibleOnly}: a 400 naming the field).
 */
@Singleton
public class ControlCharacterGuard implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("raaderum-control-characters")
                .addDeserializer(String.class, new CheckedStrings()));
    }

    @ServerRequestFilter(preMatching = true, priority = 20)
    public void checkQuery(ContainerRequestContext request) {
        if (ControlCharacters.present(request.getUriInfo().getPath())) {
            throw ProblemException.validation("path: " + ControlCharacters.MESSAGE,
                    List.of(new FieldError("path", ControlCharacters.MESSAGE)));
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (ControlCharacters.present(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(ControlCharacters::present)) {
                errors.add(new FieldError(parameter.getKey(), ControlCharacters.MESSAGE));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors.get(0).field() + ": " + ControlCharacters.MESSAGE, errors);
        }
    }

    /** A control character, or only invisible ones, in a JSON string: the problem mapper names the field it was in. */
    public static final class ControlCharacterException extends JsonMappingException {

        ControlCharacterException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (ControlCharacters.present(value)) {
                throw new ControlCharacterException(parser, ControlCharacters.MESSAGE);
            }
            if (ControlCharacters.invisibleOnly(value)) {
                throw new ControlCharacterException(parser, ControlCharacters.INVISIBLE_MESSAGE);
            }
            return value;
        }
    }
}
