package dev.deploygateway.platform.vercel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformState;

/** Decoding Vercel's wire formats: error bodies, Retry-After, readyState, event lines. */
class VercelWireFormatTest {

    @Test
    void missingFilesAreReadFromWrappedOrBareErrors() {
        var wrapped = VercelApiException.from(400,
                "{\"error\":{\"code\":\"missing_files\",\"message\":\"Missing files\",\"missing\":[\"a\",\"b\"]}}",
                null);
        var unwrapped = VercelApiException.from(400, "{\"code\":\"missing_files\",\"missing\":[\"c\"]}", null);
        assertThat(wrapped.missingFiles()).isTrue();
        assertThat(wrapped.missing).containsExactly("a", "b");
        assertThat(unwrapped.missingFiles()).isTrue();
        assertThat(unwrapped.missing).containsExactly("c");
    }

    @Test
    void oauthOrGarbageErrorBodiesAreDecodedSafely() {
        var oauth = VercelApiException.from(400, "{\"error\":\"invalid_grant\",\"error_description\":\"used\"}", null);
        assertThat(oauth.code()).isEqualTo("invalid_grant");
        assertThat(oauth.platformMessage()).isEqualTo("used");
        assertThat(VercelApiException.from(502, "<html>bad gateway</html>", null).code()).isEqualTo("http_502");
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        assertThat(PlatformCallPolicy.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
        String inAMinute = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60)
                .format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(PlatformCallPolicy.parseRetryAfter(inAMinute).orElseThrow()).isBetween(Duration.ofSeconds(55),
                Duration.ofSeconds(61));
        assertThat(PlatformCallPolicy.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void readyStatesMapWithoutGuessingUnknownOnes() {
        assertThat(VercelStates.map("QUEUED")).contains(PlatformState.QUEUED);
        assertThat(VercelStates.map("INITIALIZING")).contains(PlatformState.BUILDING);
        assertThat(VercelStates.map("ERROR")).contains(PlatformState.FAILED);
        assertThat(VercelStates.map("LAMBDAS_ERROR")).contains(PlatformState.FAILED);
        assertThat(VercelStates.map("CANCELED")).contains(PlatformState.CANCELED);
        assertThat(VercelStates.map("TELEPORTING")).isEmpty();
        assertThat(VercelStates.of("READY", false, false)).contains(PlatformState.DEPLOYING);
        assertThat(VercelStates.of("READY", true, false)).contains(PlatformState.READY);
    }

    @Test
    void eventLinesAreDecodedOnceSkippingKeepAlives() {
        var cursor = new VercelEventCursor(0);
        String first = "{\"id\":\"e1\",\"created\":100,\"type\":\"stdout\",\"text\":\"one\"}";
        String second = "{\"type\":\"stderr\",\"created\":100,"
                + "\"payload\":{\"id\":\"e2\",\"date\":100,\"text\":\"two\"}}";
        String state = "{\"id\":\"e3\",\"created\":101,\"type\":\"deployment-state\",\"info\":{\"type\":\"build\","
                + "\"name\":\"b\",\"readyState\":\"READY\"}}";
        assertThat(cursor.decode("{}")).isEmpty();
        assertThat(cursor.decode(first)).singleElement().isInstanceOfSatisfying(PlatformEvent.LogLine.class,
                l -> assertThat(l.text()).isEqualTo("one"));
        assertThat(cursor.decode(second)).singleElement().isInstanceOfSatisfying(PlatformEvent.LogLine.class, l -> {
            assertThat(l.text()).isEqualTo("two");
            assertThat(l.stream()).isEqualTo(PlatformEvent.Stream.STDERR);
        });
        // A resumed stream (since=100, inclusive) replays both lines: they are dropped.
        assertThat(cursor.decode(first)).isEmpty();
        assertThat(cursor.decode(second)).isEmpty();
        assertThat(cursor.since()).isEqualTo(100);
        assertThat(cursor.decode(state)).singleElement().isInstanceOfSatisfying(PlatformEvent.StateChange.class,
                s -> assertThat(s.state()).isEqualTo(PlatformState.READY));
        assertThat(cursor.decode(state)).isEmpty();
    }
}
