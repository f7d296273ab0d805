package dev.deploygateway.api.deployment;

import java.time.Duration;

import dev.deploygateway.events.Viewer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * An SSE viewer's HTTP response as the fan-out writes to it: nothing per viewer but the response itself (the
 * frames are shared), and back-pressure straight from the connection's write queue.
 */
final class ResponseViewer extends Viewer {

    /** How long a cut-off viewer's last bytes may take to leave before its connection is closed anyway. */
    private static final Duration CUT_OFF_GRACE = Duration.ofSeconds(5);

    private final HttpServerResponse response;
    private final Vertx vertx;

    ResponseViewer(HttpServerResponse response, Vertx vertx) {
        this.response = response;
        this.vertx = vertx;
        response.closeHandler(ignored -> closed());
        response.drainHandler(ignored -> drained());
        // A reset by the client is an ordinary way for a viewer to leave; the close handler deals with it.
        response.exceptionHandler(ignored -> {});
    }

    @Override
    protected void write(Buffer bytes) {
        response.write(bytes, null);
    }

    @Override
    protected boolean writeQueueFull() {
        return response.writeQueueFull();
    }

    @Override
    protected void end() {
        response.end();
    }

    @Override
    protected void cutOff(Buffer warning) {
        // The client is not reading: let the warning go out if it can, and free the connection either way.
        long timer = vertx.setTimer(CUT_OFF_GRACE.toMillis(), id -> response.close());
        response.end(warning, written -> {
            vertx.cancelTimer(timer);
            response.close();
        });
    }
}
