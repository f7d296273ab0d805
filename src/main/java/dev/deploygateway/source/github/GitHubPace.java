package dev.deploygateway.source.github;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestResponse;

import dev.deploygateway.config.GitHubConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * One push's manners towards GitHub's limits. Primary: every answer's {@code x-ratelimit-remaining} and
 * {@code -reset} are read; once the quota is spent the next call waits for the reset (when that is within
 * {@code calls.max-retry-after}) or the push fails RATE_LIMITED without calling, because GitHub may ban integrations
 * that keep calling while limited. Secondary: content-creating requests are spread to at most
 * {@code content-creations-per-minute}, waiting (Mutiny delays, no thread blocks) rather than being blocked.
 */
final class GitHubPace {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final GitHubConfig config;
    private final Clock clock;
    /** The times content creations were (or are scheduled to be) sent, oldest first. */
    private final List<Long> creations = new ArrayList<>();
    private int remaining = -1;
    private long resetEpochSeconds;

    GitHubPace(GitHubConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    synchronized void observe(RestResponse<?> response) {
        try {
            String left = response.getHeaderString("x-ratelimit-remaining");
            String reset = response.getHeaderString("x-ratelimit-reset");
            if (left != null && reset != null) {
                remaining = Integer.parseInt(left.trim());
                resetEpochSeconds = Long.parseLong(reset.trim());
            }
        } catch (NumberFormatException ignored) {
            // An unreadable header says nothing; keep what the previous answers said.
        }
    }

    /** Before any call: waits out a spent primary quota, or refuses to call. */
    Uni<Void> beforeCall(PlatformStep step) {
        Duration wait;
        synchronized (this) {
            long seconds = resetEpochSeconds - clock.instant().getEpochSecond();
            wait = remaining == 0 && seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ZERO;
            if (!wait.isZero() && wait.compareTo(config.calls().maxRetryAfter()) <= 0) {
                remaining = -1; // the reset restores the quota; the next answer says by how much
            }
        }
        if (wait.isZero()) {
            return Uni.createFrom().voidItem();
        }
        if (wait.compareTo(config.calls().maxRetryAfter()) > 0) {
            return Uni.createFrom().failure(new PlatformException(ErrorCode.RATE_LIMITED, PlatformId.GITHUB, step,
                    true, "GitHub's hourly request quota for this account is used up; deploy again after it resets",
                    Optional.empty(), Optional.empty(), Optional.of(wait), null));
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    /** Before a content-creating call: takes a slot of the per-minute budget, waiting for one if needed. */
    Uni<Void> beforeCreation() {
        long now = clock.millis();
        long at = slotAfter(now);
        return at <= now ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(at - now));
    }

    /** Books the next creation slot at or after {@code now} (epoch ms). */
    synchronized long slotAfter(long now) {
        int limit = Math.max(1, config.contentCreationsPerMinute());
        creations.removeIf(t -> t <= now - MINUTE.toMillis());
        // A minute after the creation `limit` places back, so that no minute holds more than `limit`.
        long at = creations.size() < limit ? now
                : Math.max(now, creations.get(creations.size() - limit) + MINUTE.toMillis());
        creations.add(at);
        return at;
    }
}
