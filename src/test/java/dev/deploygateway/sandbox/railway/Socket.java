package dev.deploygateway.sandbox.railway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.deploygateway.platform.railway.RailwayRecordingProxy;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** A blocking test-side view of one websocket to the sandbox: frames arrive in a queue. */
final class Socket {
    final WebSocket ws;
    final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Short> closed = new LinkedBlockingQueue<>();

    Socket(WebSocket ws) {
        this.ws = ws;
        ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
        ws.closeHandler(v -> closed.add(ws.closeStatusCode() == null ? -1 : ws.closeStatusCode()));
    }

    void send(JsonObject message) {
        ws.writeTextMessage(message.encode());
    }

    JsonObject next() throws InterruptedException {
        JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 10 s").isNotNull();
        return frame;
    }

    short closeStatus() throws InterruptedException {
        Short status = closed.poll(10, TimeUnit.SECONDS);
        assertThat(status).isNotNull();
        return status;
    }

    void close() {
        ws.close();
    }

    static Socket open(WebSocketClient client, String authorization) throws Exception {
        var options = new WebSocketConnectOptions().setHost("localhost").setPort(RailwayRecordingProxy.appPort())
                .setURI("/sandbox/railway/graphql/v2").addSubProtocol("graphql-transport-ws");
        if (authorization != null) {
            options.addHeader("Authorization", authorization);
        }
        WebSocket ws = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(ws.subProtocol()).isEqualTo("graphql-transport-ws");
        return new Socket(ws);
    }
}
