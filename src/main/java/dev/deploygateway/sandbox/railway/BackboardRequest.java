package dev.deploygateway.sandbox.railway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The credentials one GraphQL request (or one websocket connection) came with. The caller is resolved only when a
 * resolver needs one, so public fields ({@code template}) work without a token and a bad token fails exactly the
 * fields that need it, with Railway's "Not Authorized".
 */
final class BackboardRequest {

    private final BackboardCaller callers;
    private final String authorization;
    private final String projectToken;
    private final List<BackboardDeployment> followed = new CopyOnWriteArrayList<>();
    private BackboardCaller.Caller caller;

    BackboardRequest(BackboardCaller callers, String authorization, String projectToken) {
        this.callers = callers;
        this.authorization = authorization;
        this.projectToken = projectToken;
    }

    synchronized BackboardCaller.Caller caller() {
        if (caller == null) {
            caller = callers.resolve(authorization, projectToken);
        }
        return caller;
    }

    /** A subscription of this connection follows {@code deployment} (its scenario may cut the connection). */
    void follows(BackboardDeployment deployment) {
        followed.add(deployment);
    }

    List<BackboardDeployment> followed() {
        return followed;
    }
}
