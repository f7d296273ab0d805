package dev.deploygateway.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.scaffold.SourceBundle;

/** The one pre-flight check every platform's {@code prepareSource} runs. */
class SourceLimitsTest {

    private static final SourceLimits LIMITS = new SourceLimits(2, 4, 6);

    @Test
    void aBundleWithinEveryLimitIsPreparedForThePlatform() {
        var bundle = SourceBundle.of(Map.of("a.txt", "1234".getBytes(), "b.txt", "12".getBytes()));
        var prepared = LIMITS.check(PlatformId.RAILWAY, bundle);
        assertThat(prepared.platform()).isEqualTo(PlatformId.RAILWAY);
        assertThat(prepared.bundle()).isSameAs(bundle);
    }

    @Test
    void eachLimitIsNamedInItsRefusal() {
        assertRefused(SourceBundle.of(Map.of()), "no files");
        assertRefused(SourceBundle.of(Map.of("a", new byte[1], "b", new byte[1], "c", new byte[1])),
                "Vercel accepts at most 2 files per deployment; this has 3");
        assertRefused(SourceBundle.of(Map.of("a", new byte[4], "b", new byte[3])), "7 bytes; Vercel's limit is 6");
        assertRefused(SourceBundle.of(Map.of("big.bin", new byte[5])), "big.bin is 5 bytes; the per-file limit is 4");
    }

    private static void assertRefused(SourceBundle bundle, String message) {
        assertThatThrownBy(() -> LIMITS.check(PlatformId.VERCEL, bundle)).isInstanceOfSatisfying(
                PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_REJECTED);
                    assertThat(e.step()).isEqualTo(PlatformStep.UPLOAD);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
