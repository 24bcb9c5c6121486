package dk.raaderum.platform.web.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A deprecated operation says so in every answer (docs/api/README.md): {@code Deprecation} (RFC 9745, the date it was
 * deprecated) and {@code Sunset} (RFC 8594, the date after which it may be removed). One source for the API description
 * and the headers: the operation's own OpenAPI annotations, {@code @Operation(deprecated = true)} with the extensions
 * {@value #DEPRECATED_ON} and {@value #SUNSET} (ISO dates), which the breaking-change check of the committed API
 * contract also reads (system-tests ApiContract).
 */
public class Deprecations {

    public static final String DEPRECATED_ON = "x-deprecated-on";
    public static final String SUNSET = "x-sunset";

    @ServerResponseFilter
    public void headers(ResourceInfo resource, ContainerResponseContext response) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Operation operation = method == null ? null : method.getAnnotation(Operation.class);
        if (operation == null || !operation.deprecated()) {
            return;
        }
        date(method, DEPRECATED_ON).ifPresentOrElse(
                on -> response.getHeaders().putSingle("Deprecation", "@" + on.toEpochSecond(java.time.LocalTime.MIDNIGHT,
                        ZoneOffset.UTC)),
                () -> response.getHeaders().putSingle("Deprecation", "@0"));
        date(method, SUNSET).ifPresent(sunset -> response.getHeaders().putSingle("Sunset",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(sunset.atStartOfDay(ZoneOffset.UTC))));
    }

    private static Optional<LocalDate> date(Method method, String name) {
        for (Extension extension : method.getAnnotationsByType(Extension.class)) {
            if (extension.name().equals(name)) {
                return Optional.of(LocalDate.parse(extension.value()));
            }
        }
        return Optional.empty();
    }
}
