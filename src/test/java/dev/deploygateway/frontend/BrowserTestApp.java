package dev.deploygateway.frontend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The app as the browser tests see it: on a port known before start (the browser, the OAuth redirects and the
 * site links all need absolute URLs to it), with sandbox builds slow enough that a person, or a test, sees the
 * log arrive line by line (about 10 steps of 120 ms; 15x that with the slow-build marker: long enough to cut the
 * network for 5 s in the middle of one), and a code generator's origin (another free port, served by
 * {@link GeneratorSite}) allowed as a hand-off redirect.
 */
public class BrowserTestApp implements QuarkusTestResourceLifecycleManager {

    static volatile int port;
    static volatile int generatorPort;

    static String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public Map<String, String> start() {
        // A test port fixed for the whole test JVM (a system property set by the build) wins over what a test
        // resource returns, so use it when there is one; otherwise reserve one.
        String fixed = System.getProperty("quarkus.http.test-port", "0");
        port = Integer.parseInt(fixed) > 0 ? Integer.parseInt(fixed) : freePort();
        generatorPort = freePort();
        String base = "http://localhost:" + port;
        return Map.of(
                "quarkus.http.test-port", Integer.toString(port),
                "gateway.identity.allowed-origins", base,
                "gateway.vercel.authorize-url", base + "/sandbox/vercel/oauth/authorize",
                "gateway.oauth.vercel.callback-url", base + "/api/v1/platforms/vercel/callback",
                "sandbox.vercel.step-delay", "120ms",
                "sandbox.vercel.slow-build-factor", "15",
                "gateway.handoff.redirect-origins", GeneratorSite.origin());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        port = 0;
        generatorPort = 0;
    }
}
