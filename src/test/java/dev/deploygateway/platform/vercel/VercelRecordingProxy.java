package dev.deploygateway.platform.vercel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.deploygateway.sandbox.RecordingProxy;

/**
 * The recording proxy between the Vercel client and the sandbox: responses are streamed through (a dropped upstream
 * drops the downstream), every exchange is recorded for contract validation.
 */
public class VercelRecordingProxy extends RecordingProxy {

    public static final List<Exchange> EXCHANGES = new CopyOnWriteArrayList<>();
    private static volatile int proxyPort;

    /** Where the proxy listens, for tests that call the sandbox directly but want the exchange recorded. */
    public static String baseUri() {
        return "http://localhost:" + proxyPort;
    }

    public VercelRecordingProxy() {
        super(EXCHANGES, true);
    }

    @Override
    protected Map<String, String> listening(int proxyPort, int appPort) {
        VercelRecordingProxy.proxyPort = proxyPort;
        return Map.of("quarkus.http.test-port", Integer.toString(appPort),
                "quarkus.rest-client.vercel.url", baseUri() + "/sandbox/vercel",
                "gateway.vercel.authorize-url", "http://localhost:" + appPort + "/sandbox/vercel/oauth/authorize",
                "gateway.vercel.calls.retry-backoff", "20ms");
    }
}
