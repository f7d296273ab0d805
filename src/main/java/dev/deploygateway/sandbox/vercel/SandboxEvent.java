package dev.deploygateway.sandbox.vercel;

import java.util.LinkedHashMap;
import java.util.Map;

/** One build event as Vercel's {@code /v3/deployments/{id}/events} returns it. */
record SandboxEvent(String id, long created, int serial, String type, String text, String level, String readyState) {

    Map<String, Object> toJson(String deploymentId, String buildId) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", id);
        json.put("created", created);
        json.put("date", created);
        json.put("deploymentId", deploymentId);
        json.put("serial", String.format("%013d%05d", created, serial));
        json.put("type", type);
        if (text != null) {
            json.put("text", text);
        }
        if (level != null) {
            json.put("level", level);
        }
        var info = new LinkedHashMap<String, Object>();
        info.put("type", "build");
        info.put("name", buildId);
        if (readyState != null) {
            info.put("readyState", readyState);
        }
        json.put("info", info);
        return json;
    }
}
