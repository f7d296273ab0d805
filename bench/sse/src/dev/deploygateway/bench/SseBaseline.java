package dev.deploygateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The benchmark's baseline: the least a server on this machine can do to fan the same frames out to K SSE
 * connections. A bare Vert.x HTTP server with as many event loops (and server instances) as the gateway, no
 * security, no store, no feed: {@code GET /events} answers 200 {@code text/event-stream} and keeps the
 * response; {@code POST /publish} with one {@code <event name> <data>} line per event (the events the gateway
 * appended together) stamps ids ({@code <now millis>-<n>}, like the store), encodes one Buffer, hands it to
 * each loop once, and each loop writes it to its connections ({@code end} also ends them). {@code GET /stats} answers the open count.
 *
 * <p>Args: port eventLoops
 */
public final class SseBaseline {

    /** Each server instance (one per event loop) and the responses it holds, touched only on its loop. */
    private static final List<Loop> LOOPS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final AtomicLong SEQ = new AtomicLong();

    private SseBaseline() {
    }

    private static final class Loop extends AbstractVerticle {
        private final int port;
        private final List<HttpServerResponse> responses = new ArrayList<>();
        private Context loopContext;

        Loop(int port) {
            this.port = port;
        }

        @Override
        public void start() {
            loopContext = context;
            LOOPS.add(this);
            vertx.createHttpServer().requestHandler(this::handle).listen(port);
        }

        private void handle(HttpServerRequest request) {
            switch (request.path()) {
                case "/events" -> {
                    HttpServerResponse response = request.response().setChunked(true)
                            .putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache");
                    response.write(Buffer.buffer("retry:2000\n\n"));
                    responses.add(response);
                    OPEN.incrementAndGet();
                    response.closeHandler(v -> {
                        if (responses.remove(response)) {
                            OPEN.decrementAndGet();
                        }
                    });
                }
                case "/publish" -> request.body().onSuccess(body -> {
                    // One line per event ("<name> <data>"): events appended together go out as one write.
                    StringBuilder frames = new StringBuilder();
                    boolean end = false;
                    for (String line : body.toString().split("\n")) {
                        int space = line.indexOf(' ');
                        String event = line.substring(0, space);
                        frames.append("id:").append(System.currentTimeMillis()).append('-').append(SEQ.incrementAndGet())
                                .append("\nevent:").append(event).append("\ndata:").append(line.substring(space + 1))
                                .append("\n\n");
                        end |= "end".equals(event);
                    }
                    Buffer bytes = Buffer.buffer(frames.toString());
                    boolean last = end;
                    for (Loop loop : LOOPS) {
                        loop.loopContext.runOnContext(v -> loop.write(bytes, last));
                    }
                    request.response().end();
                });
                case "/stats" -> request.response().end(Integer.toString(OPEN.get()));
                default -> request.response().setStatusCode(404).end();
            }
        }

        private void write(Buffer bytes, boolean end) {
            for (HttpServerResponse response : responses) {
                response.write(bytes, null);
                if (end) {
                    response.end();
                }
            }
            if (end) {
                OPEN.addAndGet(-responses.size());
                responses.clear();
            }
        }
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int loops = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new Loop(port), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("baseline listening on " + port + " with " + loops + " loops"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
