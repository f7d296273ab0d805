package dev.deploygateway.source.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.deploygateway.config.GitHubConfig;
import dev.deploygateway.config.PlatformCallConfig;
import io.smallrye.mutiny.Uni;

/** A push spreads its content creations so that no minute holds more than the configured number. */
class GitHubPaceTest {

    @Test
    void noMinuteHoldsMoreCreationsThanTheLimit() {
        var clock = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        var pace = new GitHubPace(config(3), clock);
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            slots.add(pace.slotAfter(clock.millis()) - clock.millis());
        }
        assertThat(slots).containsExactly(0L, 0L, 0L, 60_000L, 60_000L, 60_000L, 120_000L, 120_000L);
    }

    @Test
    void underTheLimitNothingWaits() {
        var pace = new GitHubPace(config(80), Clock.systemUTC());
        Uni<Void> first = pace.beforeCreation();
        assertThat(first.await().atMost(Duration.ofMillis(200))).isNull();
    }

    static GitHubConfig config(int perMinute) {
        return new GitHubConfig() {
            public URI webUrl() {
                return URI.create("https://github.com");
            }

            public PlatformCallConfig calls() {
                return new PlatformCallConfig() {
                    public int maxAttempts() {
                        return 3;
                    }

                    public Duration retryBackoff() {
                        return Duration.ofMillis(10);
                    }

                    public Duration maxRetryAfter() {
                        return Duration.ofSeconds(30);
                    }

                    public Duration callTimeout() {
                        return Duration.ofSeconds(10);
                    }

                    public int maxStreamResumes() {
                        return 3;
                    }
                };
            }

            public String defaultBranch() {
                return "main";
            }

            public String repositoryDescription() {
                return "";
            }

            public int inlineMaxFileBytes() {
                return 1024;
            }

            public long inlineMaxTotalBytes() {
                return 4096;
            }

            public int contentCreationsPerMinute() {
                return perMinute;
            }

            public int maxBlobsPerPush() {
                return 10;
            }

            public Duration initialCommitWait() {
                return Duration.ZERO;
            }

            public int maxFiles() {
                return 100;
            }

            public long maxFileBytes() {
                return 1024;
            }
        };
    }
}
