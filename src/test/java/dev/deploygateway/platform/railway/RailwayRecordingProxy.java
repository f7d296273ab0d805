package dev.deploygateway.platform.railway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.deploygateway.sandbox.RecordingProxy;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;

/**
 * The recording proxy between the Railway client's HTTP calls (GraphQL, {@code /up}, OAuth) and the sandbox; each
 * response is read whole and recorded so tests can check every GraphQL exchange against Railway's schema. The
 * websocket goes to the app directly ({@code gateway.railway.websocket-url}).
 */
public class RailwayRecordingProxy extends RecordingProxy {

    public static final List<Exchange> EXCHANGES = new CopyOnWriteArrayList<>();
    private static volatile int proxyPort;
    private static volatile int appPort;

    public static String baseUri() {
        return "http://localhost:" + proxyPort;
    }

    public static int appPort() {
        return appPort;
    }

    public RailwayRecordingProxy() {
        super(EXCHANGES, false);
    }

    @Override
    protected HttpClient client(Vertx vertx) {
        return vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64));
    }

    @Override
    protected Map<String, String> listening(int proxyPort, int appPort) {
        RailwayRecordingProxy.proxyPort = proxyPort;
        RailwayRecordingProxy.appPort = appPort;
        String proxied = baseUri() + "/sandbox/railway";
        String direct = "localhost:" + appPort + "/sandbox/railway";
        return Map.of("quarkus.http.test-port", Integer.toString(appPort),
                "gateway.railway.api-url", proxied + "/graphql/v2",
                "gateway.railway.backboard-url", proxied,
                "gateway.railway.websocket-url", "ws://" + direct + "/graphql/v2",
                "gateway.railway.calls.retry-backoff", "20ms",
                "quarkus.rest-client.railway.read-timeout", "4000",
                "gateway.railway.workflow-poll-interval", "20ms");
    }
}
