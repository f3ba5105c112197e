package io.stackpilot.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}.
 *
 * <p>{@code type} is stable per kind of error so clients can branch on it; {@code detail} names the offending
 * value and what to do. Extension members carry the values a client may need, such as {@code component}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
@Schema(name = "Problem", description = "RFC 9457 problem detail; extension members depend on the type")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Base of the {@code type} URIs; the last segment names the kind of problem. */
    public static final String TYPE_BASE = "https://stackpilot.io/problems/";

    @Schema(description = "URI naming the kind of problem", example = TYPE_BASE + "component-not-found")
    private final String type;

    @Schema(description = "Short summary of the kind of problem", example = "Component not found")
    private final String title;

    @Schema(description = "HTTP status code", example = "404")
    private final int status;

    @Schema(description = "What went wrong with which value, and what to do about it")
    private final String detail;

    @Schema(description = "The request path that failed", example = "/api/v1/components/kafak")
    private String instance;

    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String slug, String title, int status, String detail) {
        this.type = TYPE_BASE + slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    public Problem with(String member, Object value) {
        if (value != null) {
            extensions.put(member, value);
        }
        return this;
    }

    public Problem instance(String path) {
        this.instance = path;
        return this;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
