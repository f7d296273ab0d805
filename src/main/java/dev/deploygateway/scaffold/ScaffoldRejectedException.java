package dev.deploygateway.scaffold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;

/**
 * An uploaded project (or its environment variables) was refused before anything was stored or created.
 * Either {@link ErrorCode#VALIDATION_FAILED} (400) listing every problem found in {@code errors}, or
 * {@link ErrorCode#PAYLOAD_TOO_LARGE} (413) naming the exceeded {@code limit} ({@code {name, max}}). Messages
 * and fields may echo an escaped, truncated path but never file content or variable values.
 */
public final class ScaffoldRejectedException extends GatewayException {

    /** A limit that, once exceeded, stops reading at once. */
    public enum Limit {
        MAX_FILES("maxFiles"),
        MAX_FILE_BYTES("maxFileBytes"),
        MAX_TOTAL_BYTES("maxTotalBytes"),
        MAX_ARCHIVE_BYTES("maxArchiveBytes"),
        MAX_COMPRESSION_RATIO("maxCompressionRatio");

        private final String wireName;

        Limit(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final transient List<FieldError> errors;
    private final transient Optional<Limit> limit;

    private ScaffoldRejectedException(ErrorCode code, String detail, List<FieldError> errors, Optional<Limit> limit,
            Map<String, Object> extensions) {
        super(code, detail, extensions, Map.of(), null);
        this.errors = List.copyOf(errors);
        this.limit = limit;
    }

    /** 400 listing every problem found. */
    public static ScaffoldRejectedException invalid(String detail, List<FieldError> errors) {
        return new ScaffoldRejectedException(ErrorCode.VALIDATION_FAILED, detail, errors, Optional.empty(),
                Map.of("errors", errors.stream().map(FieldError::asMap).toList()));
    }

    /** 400 for an archive that cannot be read at all (not an archive, truncated, corrupt, encrypted). */
    public static ScaffoldRejectedException malformed(String field, String message) {
        return invalid(message, List.of(new FieldError(field, message)));
    }

    /** 413: {@code limit} was exceeded at {@code field}; reading stopped there. */
    public static ScaffoldRejectedException tooLarge(Limit limit, long max, String field, String message) {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("limit", Map.of("name", limit.wireName(), "max", max));
        extensions.put("errors", List.of(new FieldError(field, message).asMap()));
        return new ScaffoldRejectedException(ErrorCode.PAYLOAD_TOO_LARGE, message,
                List.of(new FieldError(field, message)), Optional.of(limit), extensions);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The exceeded limit of a 413, empty for a 400. */
    public Optional<Limit> limit() {
        return limit;
    }
}
