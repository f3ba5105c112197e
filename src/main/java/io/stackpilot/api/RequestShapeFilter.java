package io.stackpilot.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects a state-changing request that carries something its endpoint does not declare: a query parameter
 * without a matching {@code @QueryParam} or {@code @RestQuery}, a declared one without a value, a matrix
 * parameter, or a body when the method takes none. All of them would otherwise be ignored without a word, so a
 * typo such as {@code timout=5} would stop a component with the default grace period.
 *
 * <p>On every request, reads included, a boolean query parameter must be {@code true} or {@code false}: Quarkus
 * REST reads any other value, such as {@code dryRun=yes}, as {@code false}, which would turn a dry run into a
 * real stop. Matrix parameters are rejected on reads too.
 *
 * <p>It reads the matched resource method, so every endpoint is covered without a list to maintain. Unknown
 * query parameters and bodies are not checked on reads ({@code GET}, {@code HEAD}, {@code OPTIONS}).
 */
public class RequestShapeFilter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Packages whose parameter annotations mark a value taken from somewhere other than the body. */
    private static final List<String> NON_BODY_ANNOTATION_PACKAGES =
            List.of("jakarta.ws.rs.", "org.jboss.resteasy.reactive.");

    /** Packages of types that Quarkus REST injects as context, never reads from the body. */
    private static final List<String> CONTEXT_TYPE_PACKAGES =
            List.of("jakarta.ws.rs.", "io.vertx.", "org.jboss.resteasy.reactive.", "io.quarkus.", "java.security.");

    private record Shape(
            Set<String> queryParameters,
            Set<String> booleanParameters,
            Map<String, Class<?>> integerParameters,
            boolean takesBody) {}

    private final Map<Method, Shape> shapes = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void checkShape(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Shape shape = shapes.computeIfAbsent(method, RequestShapeFilter::shapeOf);
        String endpoint = request.getMethod() + " " + request.getUriInfo().getPath();
        Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
        checkBooleans(endpoint, shape, query);
        checkIntegers(endpoint, shape, query);
        checkNoMatrixParameters(endpoint, http);
        if (READ_METHODS.contains(request.getMethod())) {
            return;
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!shape.queryParameters().contains(parameter.getKey())) {
                throw unknownParameter(endpoint, parameter.getKey(), parameter.getValue(), shape);
            }
            if (parameter.getValue().stream().anyMatch(String::isBlank)) {
                throw new InvalidParameterException(
                        parameter.getKey(),
                        "",
                        "Query parameter '" + parameter.getKey() + "' of " + endpoint
                                + " has no value; give a value or leave the parameter out");
            }
        }
        if (!shape.takesBody() && hasBody(request)) {
            throw new UnexpectedBodyException(endpoint + " takes no request body; send no body"
                    + (shape.queryParameters().isEmpty()
                            ? ""
                            : ", with options as query parameters (" + String.join(", ", shape.queryParameters())
                                    + ")"));
        }
    }

    private static void checkBooleans(String endpoint, Shape shape, Map<String, List<String>> query) {
        for (String name : shape.booleanParameters()) {
            for (String value : query.getOrDefault(name, List.of())) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new InvalidParameterException(
                            name,
                            value,
                            "Query parameter '" + name + "' of " + endpoint + " is '" + value
                                    + "', which is not a boolean; use true or false");
                }
            }
        }
    }

    private static void checkIntegers(String endpoint, Shape shape, Map<String, List<String>> query) {
        shape.integerParameters().forEach((name, type) -> {
            for (String value : query.getOrDefault(name, List.of())) {
                try {
                    if (type == long.class || type == Long.class) {
                        Long.parseLong(value.trim());
                    } else {
                        Integer.parseInt(value.trim());
                    }
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException(
                            name,
                            value,
                            "Query parameter '" + name + "' of " + endpoint + " is '" + value
                                    + "', which is not a whole number in range; see /q/openapi for its bounds");
                }
            }
        });
    }

    private static void checkNoMatrixParameters(String endpoint, HttpServerRequest http) {
        // The path as sent: JAX-RS drops matrix parameters before the filter sees the request URI.
        String rawPath = http.path();
        int matrix = rawPath.indexOf(';');
        if (matrix >= 0) {
            throw new InvalidParameterException(
                    rawPath.substring(matrix + 1).split("[=/]", 2)[0],
                    null,
                    endpoint + " takes no matrix parameters (';name=value' in the path); send options as query"
                            + " parameters");
        }
    }

    private static UnknownParameterException unknownParameter(
            String endpoint, String name, List<String> values, Shape shape) {
        String allowed = shape.queryParameters().isEmpty()
                ? "it takes no query parameters"
                : "allowed: " + String.join(", ", shape.queryParameters());
        String value = values.isEmpty() ? null : values.get(0);
        return new UnknownParameterException(
                name,
                value,
                "Unknown query parameter '" + name + "' for " + endpoint + "; " + allowed,
                new ArrayList<>(shape.queryParameters()));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    // NOTE: reads parameter annotations by reflection; a native build must register the resource classes for it.
    private static Shape shapeOf(Method method) {
        Set<String> query = new TreeSet<>();
        Set<String> booleans = new TreeSet<>();
        Map<String, Class<?>> integers = new TreeMap<>();
        boolean takesBody = false;
        for (Parameter parameter : method.getParameters()) {
            addQueryName(parameter, parameter.getName(), parameter.getType(), query, booleans, integers);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                addBeanQueryNames(parameter.getType(), query, booleans, integers);
            }
            if (!hasNonBodyAnnotation(parameter) && !isContextType(parameter.getType())) {
                takesBody = true;
            }
        }
        return new Shape(Set.copyOf(query), Set.copyOf(booleans), Map.copyOf(integers), takesBody);
    }

    private static void addBeanQueryNames(
            Class<?> bean, Set<String> query, Set<String> booleans, Map<String, Class<?>> integers) {
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                addQueryName(field, field.getName(), field.getType(), query, booleans, integers);
            }
        }
    }

    private static void addQueryName(
            AnnotatedElement element,
            String declaredName,
            Class<?> type,
            Set<String> query,
            Set<String> booleans,
            Map<String, Class<?>> integers) {
        String name = null;
        QueryParam queryParam = element.getAnnotation(QueryParam.class);
        if (queryParam != null) {
            name = queryParam.value();
        }
        RestQuery restQuery = element.getAnnotation(RestQuery.class);
        if (restQuery != null) {
            name = restQuery.value().isEmpty() ? declaredName : restQuery.value();
        }
        if (name == null) {
            return;
        }
        query.add(name);
        if (type == boolean.class || type == Boolean.class) {
            booleans.add(name);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            integers.put(name, type);
        }
    }

    private static boolean hasNonBodyAnnotation(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (NON_BODY_ANNOTATION_PACKAGES.stream().anyMatch(name::startsWith)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContextType(Class<?> type) {
        String name = type.getName();
        return CONTEXT_TYPE_PACKAGES.stream().anyMatch(name::startsWith);
    }
}
