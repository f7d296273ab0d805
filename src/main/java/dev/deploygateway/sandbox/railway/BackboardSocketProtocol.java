package dev.deploygateway.sandbox.railway;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Lets the HTTP server accept the {@code graphql-transport-ws} websocket subprotocol: a client that asks for it
 * (Railway's CLI does) rejects a handshake that does not echo it. Not in prod, where the sandbox does not exist.
 */
@ApplicationScoped
class BackboardSocketProtocol implements HttpServerOptionsCustomizer {

    static final String SUBPROTOCOL = "graphql-transport-ws";

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        if (ConfigUtils.isProfileActive("prod")) {
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
