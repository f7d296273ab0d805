package dev.deploygateway.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;

/**
 * A platform call failed. Carries the gateway's stable {@link ErrorCode}, the {@link PlatformStep}, whether a
 * later retry may succeed, and the platform's own code and message (which never contain our secrets: tokens
 * travel in headers, which platforms do not echo). Rendered as problem+json with {@code platform},
 * {@code step}, {@code retryable}, {@code platformCode}, {@code platformMessage} members and, when known,
 * a {@code Retry-After} header.
 */
public class PlatformException extends GatewayException {

    private final PlatformId platform;
    private final PlatformStep step;
    private final boolean retryable;
    private final Optional<String> platformCode;
    private final Optional<String> platformMessage;
    private final Optional<Duration> retryAfter;

    public PlatformException(ErrorCode code, PlatformId platform, PlatformStep step, boolean retryable,
            String detail, Optional<String> platformCode, Optional<String> platformMessage,
            Optional<Duration> retryAfter, Throwable cause) {
        super(code, detail, extensions(platform, step, retryable, platformCode, platformMessage),
                retryAfter.map(d -> Map.of("Retry-After", Long.toString(Math.max(1, d.toSeconds()))))
                        .orElse(Map.of()),
                cause);
        this.platform = platform;
        this.step = step;
        this.retryable = retryable;
        this.platformCode = platformCode;
        this.platformMessage = platformMessage;
        this.retryAfter = retryAfter;
    }

    /** A failure with no platform-provided code or message (e.g. a limit checked before any call). */
    public static PlatformException of(ErrorCode code, PlatformId platform, PlatformStep step, boolean retryable,
            String detail) {
        return new PlatformException(code, platform, step, retryable, detail, Optional.empty(), Optional.empty(),
                Optional.empty(), null);
    }

    private static Map<String, Object> extensions(PlatformId platform, PlatformStep step, boolean retryable,
            Optional<String> platformCode, Optional<String> platformMessage) {
        var map = new LinkedHashMap<String, Object>();
        map.put("platform", platform.key());
        map.put("step", step.name().toLowerCase(Locale.ROOT));
        map.put("retryable", retryable);
        platformCode.ifPresent(c -> map.put("platformCode", c));
        platformMessage.ifPresent(m -> map.put("platformMessage", m));
        return map;
    }

    public PlatformId platform() {
        return platform;
    }

    public PlatformStep step() {
        return step;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<String> platformCode() {
        return platformCode;
    }

    public Optional<String> platformMessage() {
        return platformMessage;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
