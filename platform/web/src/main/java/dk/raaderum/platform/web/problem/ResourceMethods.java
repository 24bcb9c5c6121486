package dk.raaderum.platform.web.problem;

import io.quarkus.arc.Arc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP methods the application's resources serve at a path, for a 405 answer's {@code Allow} header. Quarkus REST
 * answers a wrong method with a 405 without {@code Allow}, and with a 404 when the path's resource methods are spread
 * over several resource classes (e.g. {@code /catalogs} and {@code /catalogs/{catalogId}}): both are corrected from
 * this table, which is read once from the resource classes' {@code @Path} and HTTP method annotations.
 */
@ApplicationScoped
public class ResourceMethods {

    /** A resource method's path as a pattern, and its HTTP method. */
    record Endpoint(Pattern path, String method) {
    }

    private volatile List<Endpoint> endpoints;

    /**
     * The methods served at {@code path} (relative to the application root, with a leading slash), sorted; with
     * {@code GET} come {@code HEAD}, and {@code OPTIONS} always when anything is served. Empty: no resource there.
     */
    public Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.path().matcher(path).matches()) {
                methods.add(endpoint.method());
            }
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> known = endpoints;
        if (known == null) {
            known = scan();
            endpoints = known;
        }
        return known;
    }

    private static List<Endpoint> scan() {
        List<Endpoint> found = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    found.add(new Endpoint(pattern(join(root.value(), sub == null ? "" : sub.value())), http));
                }
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String classPath, String methodPath) {
        String joined = "/" + classPath.replaceAll("^/+|/+$", "") + "/" + methodPath.replaceAll("^/+|/+$", "");
        return joined.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    /** {@code /a/{id}/b/{name: [a-z]+}} → a pattern; a template variable is one segment unless it names a regex. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            regex.append(Pattern.quote(template.substring(i, open)));
            int close = closingBrace(template, open);
            String variable = template.substring(open + 1, close);
            int colon = variable.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + variable.substring(colon + 1).trim() + ")");
            i = close + 1;
        }
        return Pattern.compile(regex + "/?");
    }

    private static int closingBrace(String template, int open) {
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unclosed { in @Path " + template);
    }
}
