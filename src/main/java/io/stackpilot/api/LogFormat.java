package io.stackpilot.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Chooses between plain-text and JSON-lines log output from the request's Accept header. */
final class LogFormat {

    private static final MediaType NDJSON = MediaType.valueOf(ComponentResource.NDJSON);

    private LogFormat() {}

    /** Returns {@code true} when the most preferred acceptable type is JSON lines rather than text. */
    static boolean wantsJsonLines(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.TEXT_PLAIN_TYPE) && !acceptable.isWildcardType()) {
                return false;
            }
            if (acceptable.isCompatible(NDJSON) && !acceptable.isWildcardType()) {
                return true;
            }
            if (acceptable.isWildcardType()) {
                return false;
            }
        }
        return false;
    }
}
