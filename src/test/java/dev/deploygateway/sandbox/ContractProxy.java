package dev.deploygateway.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.deploygateway.platform.vercel.VercelRecordingProxy;

/**
 * The recording proxy the Vercel tests use forwards every path of the app, headers and streams included; this
 * resource reuses it for the GitHub and Render clients: their base URLs point through it, so every exchange is
 * recorded for {@link OpenApiTraffic}.
 */
public class ContractProxy extends VercelRecordingProxy {

    @Override
    public Map<String, String> start() {
        var config = new HashMap<>(super.start());
        config.put("quarkus.rest-client.github.url", baseUri() + "/sandbox/github");
        config.put("quarkus.rest-client.render.url", baseUri() + "/sandbox/render/v1");
        config.put("gateway.github.calls.retry-backoff", "20ms");
        config.put("gateway.render.calls.retry-backoff", "20ms");
        // The proxy does not carry websockets: the log subscription goes to the app directly.
        config.put("gateway.render.logs-websocket-url", "ws://localhost:" + config.get("quarkus.http.test-port")
                + "/sandbox/render/v1/logs/subscribe");
        return config;
    }

    /** A snapshot of everything recorded so far, for {@link OpenApiTraffic}. */
    public static List<Exchange> exchanges() {
        return List.copyOf(EXCHANGES);
    }

    public static void clear() {
        EXCHANGES.clear();
    }
}
