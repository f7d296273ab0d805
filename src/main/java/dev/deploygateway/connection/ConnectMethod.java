package dev.deploygateway.connection;

import java.util.Locale;

/** How a connection was made: the OAuth handshake or a pasted API token. */
public enum ConnectMethod {
    OAUTH, TOKEN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
