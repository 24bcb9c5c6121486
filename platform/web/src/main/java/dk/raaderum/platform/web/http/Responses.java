package dk.raaderum.platform.web.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** The success answers of the APIs, built one way: versioned resources carry their version as ETag. */
public final class Responses {

    private Responses() {
    }

    /** 200 with the resource and {@code ETag: "<version>"}. */
    public static Response versioned(Object entity, long version) {
        return Response.ok(entity).tag(EntityTags.of(version)).build();
    }

    /** 201 with the new resource and {@code Location} = the request's path + {@code /id}. */
    public static Response created(UriInfo uri, Object id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(entity).build();
    }

    /** 201 with the new resource, {@code Location} = the request's path + {@code /id}, and its ETag. */
    public static Response created(UriInfo uri, Object id, Object entity, long version) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(entity)
                .tag(EntityTags.of(version)).build();
    }

    /**
     * The answer of a PUT that creates or replaces the resource at the request's URI: 201 with {@code Location} (that
     * URI) when it created it, else 200; its ETag either way.
     */
    public static Response saved(UriInfo uri, boolean created, Object entity, long version) {
        Response.ResponseBuilder answer = created ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return answer.entity(entity).tag(EntityTags.of(version)).build();
    }

    /** 201 with the new resource at {@code location} (when it does not live under the request's path) and its ETag. */
    public static Response created(URI location, Object entity, long version) {
        return Response.created(location).entity(entity).tag(EntityTags.of(version)).build();
    }

    /** 200 with a download: {@code body} streamed as {@code mediaType}, saved by the browser as {@code filename}. */
    public static Response attachment(String filename, String mediaType, StreamingOutput body) {
        return Response.ok(body, mediaType).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
