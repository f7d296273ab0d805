package dev.deploygateway.store;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server for a plain test class: started before the class, stopped after it, and started again
 * before each test if the previous test played an outage. Register it as a static field with
 * {@code @RegisterExtension} and reach the server through it.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final RedisServerResource server = new RedisServerResource();

    public String url() {
        return server.url();
    }

    /** The server itself, to stop and restart it (an outage, a crash). */
    public RedisServerResource server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server.startServer();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.restartServerIfStopped();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stopServer();
    }
}
