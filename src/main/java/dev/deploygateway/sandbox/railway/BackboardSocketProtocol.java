package dev.deploygateway.sandbox.railway;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Lets the HTTP server accept the {@code graphql-transport-ws} websocket subprotocol: a client that asks for it
 * (Railway's CLI does) rejects a handshake that does not echo it. Only with demo features on (the sandbox exists only
 * then).
 */
@ApplicationScoped
class BackboardSocketProtocol implements HttpServerOptionsCustomizer {

    static final String SUBPROTOCOL = "graphql-transport-ws";

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        // The gateway's one demo-features decision (an allow-list of profiles), read from config: no gateway import.
        if (!ConfigProvider.getConfig().getValue("gateway.demo-features.enabled", Boolean.class)) {
            return;
        }
        List<String> protocols = new ArrayList<>(options.getWebSocketSubProtocols() == null ? List.of()
                : options.getWebSocketSubProtocols());
        if (!protocols.contains(SUBPROTOCOL)) {
            protocols.add(SUBPROTOCOL);
        }
        options.setWebSocketSubProtocols(protocols);
    }
}
