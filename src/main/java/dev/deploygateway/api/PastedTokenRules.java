package dev.deploygateway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;

/**
 * What a pasted API token (and its optional team id) may contain: visible ASCII only. Every platform's tokens are
 * made of such characters, and the value goes into an HTTP header upstream, where a CR or LF would be refused
 * by the client (the caller used to get a misleading 502) or, worse, start a header of its own. Whitespace
 * around a paste is forgiven (the service strips it); inside, it is refused. Values are never echoed.
 */
final class PastedTokenRules {

    static final int MAX_TOKEN_LENGTH = 4096;
    static final int MAX_TEAM_ID_LENGTH = 256;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[!-~]+");

    private PastedTokenRules() {
    }

    /** Refuses a body whose token or team id breaks the rules, with every problem listed. */
    static void check(PlatformConnectionResource.TokenConnect body) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (body == null) {
            errors.add(error("", "a JSON body with the token is required"));
        } else {
            String token = body.token() == null ? "" : body.token().strip();
            if (token.isEmpty()) {
                errors.add(error("token", "is required"));
            } else if (token.length() > MAX_TOKEN_LENGTH || !VISIBLE_ASCII.matcher(token).matches()) {
                errors.add(error("token", "must be at most " + MAX_TOKEN_LENGTH
                        + " visible ASCII characters (no spaces, line breaks or control characters)"));
            }
            String teamId = body.teamId();
            if (teamId != null && (teamId.length() > MAX_TEAM_ID_LENGTH || !VISIBLE_ASCII.matcher(teamId).matches())) {
                errors.add(error("teamId", "must be 1-" + MAX_TEAM_ID_LENGTH + " visible ASCII characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "One or more fields are invalid.",
                    Map.of("errors", errors), Map.of(), null);
        }
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("message", message);
        return e;
    }
}
