package dk.raaderum.platform.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dk.raaderum.platform.events.PriceLevelMissingException;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.request.RequestIds;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns every exception that leaves a resource into RFC 9457 problem+json. Expected errors come from
 * {@link ProblemException}; framework errors (validation, unreadable JSON, security, unknown routes,
 * optimistic-lock and unique-key conflicts, a database that is saturated or unreachable: 503 with Retry-After) are
 * translated; anything else is a 500 that carries the request id and hides the stack trace, which goes to the log
 * line with the same id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Recognised by name, so applications without JPA on the classpath still load this class. */
    private static final Set<String> OPTIMISTIC_LOCK_EXCEPTIONS = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException");
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * Agroal's messages when no connection was had within the acquisition timeout: none became free, or a new one
     * could not be opened in time (a database that accepts no connections, e.g. stopped or overloaded).
     */
    private static final Set<String> NO_CONNECTION_IN_TIME = Set.of("Sorry, acquisition timeout!",
            "Acquisition timeout while waiting for new connection");
    /** SQLSTATE classes and codes of a database that cannot be reached or is shutting down. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final Set<String> DATABASE_UNAVAILABLE = Set.of("57P01", "57P02", "57P03");
    private static final String RETRY_AFTER_SECONDS = "2";

    private final ObjectMapper objectMapper;
    private final ResourceMethods resourceMethods;

    public ProblemMappers(ObjectMapper objectMapper, ResourceMethods resourceMethods) {
        this.objectMapper = objectMapper;
        this.resourceMethods = resourceMethods;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return respond(e.toProblem(path(request), RequestIds.current(request)), request);
    }

    /** 422 {@code price-level-missing} with the missing {@code year}, wherever amounts are converted. */
    @ServerExceptionMapper
    public Response priceLevelMissing(PriceLevelMissingException e, ContainerRequestContext request) {
        return problem(priceLevelProblem(e), request);
    }

    public static ProblemException priceLevelProblem(PriceLevelMissingException e) {
        return new ProblemException(ProblemTypes.PRICE_LEVEL_MISSING, e.getMessage(), Map.of("year", e.year()),
                List.of());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, ContainerRequestContext request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::fieldError)
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.isEmpty() ? "The request is not valid"
                : String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
        return respond(new ProblemException(ProblemTypes.VALIDATION, detail, Map.of(), errors)
                .toProblem(path(request), RequestIds.current(request)), request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, ContainerRequestContext request) {
        return respond(JsonFieldErrors.problem(e).toProblem(path(request), RequestIds.current(request)), request);
    }

    /** Listed explicitly: Quarkus ships built-in mappers for these that would otherwise answer plain JSON. */
    @ServerExceptionMapper({ MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class })
    public Response unfittingJson(JsonProcessingException e, ContainerRequestContext request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        Problem problem = Problem.of(ProblemTypes.UNAUTHENTICATED,
                "Send a valid bearer token from the raaderum realm (Authorization: Bearer <token>)",
                path(request), RequestIds.current(request));
        return Response.fromResponse(respond(problem, request))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"raaderum\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(Problem.of(ProblemTypes.FORBIDDEN, "Your roles do not allow this operation", path(request),
                RequestIds.current(request)), request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext request, ResourceInfo resource) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json, request);
        }
        if (cause instanceof ProblemException problem) {
            return problem(problem, request);
        }
        if (e instanceof NotFoundException && cause != null && !(cause instanceof WebApplicationException)) {
            // JAX-RS answers a path or query parameter it cannot convert (?page=x, /catalogs/abc) with a bare 404
            // the cause's message is Java's (a class name, a parser's words): the log gets it, the answer does not
            LOG.debugf("Unconvertible parameter on %s %s: %s", request.getMethod(), path(request), cause);
            return problem(unconvertible(resource, request), request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (status == 405 || status == 404 && e instanceof NotFoundException) {
            Set<String> allowed = resourceMethods.allowed(path(request));
            if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
                return methodNotAllowed(allowed, request);
            }
        }
        String detail = switch (status) {
            case 404 -> "No resource at " + path(request);
            case 405 -> request.getMethod() + " is not supported on " + path(request);
            case 406 -> "None of the Accept types can be produced here";
            case 415 -> "Content-Type " + request.getMediaType() + " is not accepted here";
            default -> e.getMessage();
        };
        return respond(Problem.of(ProblemTypes.forStatus(status), detail, path(request), RequestIds.current(request)),
                request);
    }

    /** A 400 naming the parameter that could not be converted, and what it must be; a general one if none is found. */
    private static ProblemException unconvertible(ResourceInfo resource, ContainerRequestContext request) {
        return UnconvertibleParameters.find(resource.getResourceMethod(), request.getUriInfo())
                .map(error -> ProblemException.validation(UnconvertibleParameters.detail(error, request.getUriInfo()),
                        List.of(error)))
                .orElseGet(() -> ProblemException.validation("A path or query parameter has the wrong type (expected"
                        + " a number, a date or one of the listed values)", List.of()));
    }

    /**
     * 405 with {@code Allow}: a wrong method on a path that exists. Quarkus REST says 405 without {@code Allow}, or 404
     * when the path's methods are spread over several resource classes; both come here.
     */
    private Response methodNotAllowed(Set<String> allowed, ContainerRequestContext request) {
        Problem problem = Problem.of(ProblemTypes.METHOD_NOT_ALLOWED, request.getMethod() + " is not supported on "
                + path(request) + "; allowed: " + String.join(", ", allowed), path(request), RequestIds.current(request));
        return Response.fromResponse(respond(problem, request)).header(HttpHeaders.ALLOW, String.join(", ", allowed))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem(problem, request);
            }
            if (t instanceof PriceLevelMissingException missing) {
                return priceLevelMissing(missing, request);
            }
            if (t instanceof ConstraintViolationException violation) {
                return constraintViolation(violation, request);
            }
            if (OPTIMISTIC_LOCK_EXCEPTIONS.contains(t.getClass().getName())) {
                return lostRace(request);
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return ifMatch(request) ? lostRace(request) : respond(Problem.of(ProblemTypes.CONFLICT,
                        "A resource with the same unique key already exists", path(request),
                        RequestIds.current(request)), request);
            }
            if (t instanceof SQLException sql && databaseUnavailable(sql)) {
                return unavailable(sql, request);
            }
        }
        String correlationId = RequestIds.current(request);
        LOG.errorf(e, "Unexpected error on %s %s (correlationId=%s)", request == null ? "?" : request.getMethod(),
                path(request), correlationId);
        return respond(Problem.of(ProblemTypes.INTERNAL,
                "Something went wrong on our side. Quote correlationId " + correlationId + " when you report it.",
                path(request), correlationId), request);
    }

    /**
     * Another transaction changed the resource while this write ran (or, with If-Match, wrote the row this write was
     * about to add first). A caller that named the version it read in If-Match gets 412, as a stale If-Match does
     * ({@link EntityTags#checkIfMatch}): whether it lost the race or came late, its precondition no longer holds.
     * Otherwise (a version in the body, or none) 409.
     */
    private Response lostRace(ContainerRequestContext request) {
        return respond(Problem.of(ifMatch(request) ? ProblemTypes.PRECONDITION_FAILED
                : ProblemTypes.CONCURRENT_MODIFICATION, "Someone else changed this resource while you were changing"
                + " it. Read it again and retry.", path(request), RequestIds.current(request)), request);
    }

    /** Whether the request names a version in If-Match ({@code *} names none). */
    private static boolean ifMatch(ContainerRequestContext request) {
        String header = request == null ? null : request.getHeaderString(HttpHeaders.IF_MATCH);
        return header != null && !header.isBlank() && !header.strip().equals("*");
    }

    /** The pool has no free connection in time, or the database cannot be reached: busy, not broken; retry. */
    private static boolean databaseUnavailable(SQLException sql) {
        String state = sql.getSQLState();
        return NO_CONNECTION_IN_TIME.contains(sql.getMessage()) || state != null
                && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || DATABASE_UNAVAILABLE.contains(state));
    }

    private Response unavailable(SQLException sql, ContainerRequestContext request) {
        LOG.warnf("Database unavailable on %s %s (correlationId=%s): %s", request == null ? "?" : request.getMethod(),
                path(request), RequestIds.current(request), sql.getMessage());
        Problem problem = Problem.of(ProblemTypes.SERVICE_UNAVAILABLE,
                "The service is too busy or cannot reach its database right now. Retry in a moment.", path(request),
                RequestIds.current(request));
        return Response.fromResponse(respond(problem, request)).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    private Response respond(Problem problem, ContainerRequestContext request) {
        if (problem.status() < 500) {
            LOG.debugf("%s %s -> %d %s: %s", request == null ? "?" : request.getMethod(), problem.instance(),
                    problem.status(), problem.type(), problem.detail());
        }
        try {
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(objectMapper.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException impossible) {
            return Response.status(problem.status()).build();
        }
    }

    /** The field a violation of the request's JSON body itself (not one of its fields) is named by. */
    static final String BODY = "body";
    private static final String BODY_MISSING = "send the request's body: a JSON object";


    /**
     * The field a violation is about: the body path without the method and parameter names
     * ({@code create.request.title} → {@code title}), or the parameter name for a query/path parameter.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        Class<?> parameterType = null;
        List<Class<?>> parameterTypes = List.of();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD) {
                parameterTypes = node.as(Path.MethodNode.class).getParameterTypes();
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                parameterType = index < parameterTypes.size() ? parameterTypes.get(index) : null;
                continue;
            }
            if (node.isInIterable() && !parts.isEmpty()) {
                String key = node.getIndex() != null ? "[" + node.getIndex() + "]"
                        : node.getKey() != null ? "[" + node.getKey() + "]" : "[]";
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + key);
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "request" : isBody(parameterType) ? BODY : parameter;
        }
        return String.join(".", parts);
    }

    /** The violation as the caller reads it: a missing body is asked for as such. */
    private static FieldError fieldError(ConstraintViolation<?> violation) {
        String field = fieldOf(violation);
        boolean missingBody = BODY.equals(field) && violation.getConstraintDescriptor().getAnnotation() instanceof NotNull;
        return new FieldError(field, missingBody ? BODY_MISSING : violation.getMessage());
    }

    /**
     * Whether a resource method's parameter is its JSON body: one of the application's types (query, path and header
     * parameters are text, numbers, dates, enums or lists of them), whose Java name means nothing to the caller.
     */
    private static boolean isBody(Class<?> type) {
        return type != null && !type.isPrimitive() && !type.isEnum() && !type.getName().startsWith("java.");
    }

    private static String path(ContainerRequestContext request) {
        return request == null ? null : "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }
}
