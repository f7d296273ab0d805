package dev.deploygateway.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/** Converting between Java values and Redis arguments/replies (RESP2 and RESP3 shapes both accepted). */
final class RedisReplies {

    private RedisReplies() {
    }

    /** A score argument: integral values without a fraction, infinities as Redis spells them. */
    static String score(double score) {
        if (score == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (score == Double.POSITIVE_INFINITY) {
            return "+inf";
        }
        if (score == Math.rint(score) && Math.abs(score) < 1e15) {
            return Long.toString((long) score);
        }
        return Double.toString(score);
    }

    /** True when Redis itself answered with an error reply (the server is up; the command was wrong). */
    static boolean isErrorReply(Throwable e) {
        return e instanceof io.vertx.redis.client.impl.types.ErrorType;
    }

    /** A script's reply: a single value or a flat array of values (nil elements kept as absent). */
    static ScriptReply scriptReply(Response reply) {
        if (reply == null) {
            return new ScriptReply(List.of());
        }
        if (reply.type() != ResponseType.MULTI) {
            return ScriptReply.of(reply.toString());
        }
        List<String> out = new ArrayList<>(reply.size());
        for (int i = 0; i < reply.size(); i++) {
            Response item = reply.get(i);
            out.add(item == null ? null : item.toString());
        }
        return new ScriptReply(out);
    }

    /** {@code HGETALL}: a flat array (RESP2) or a map (RESP3); empty when the key does not exist. */
    static Map<String, String> hash(Response reply) {
        Map<String, String> out = new LinkedHashMap<>();
        if (reply == null) {
            return out;
        }
        if (reply.type() == ResponseType.MULTI && !reply.isMap()) {
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                out.put(reply.get(i).toString(), reply.get(i + 1).toString());
            }
            return out;
        }
        for (String field : reply.getKeys()) {
            out.put(field, reply.get(field).toString());
        }
        return out;
    }

    /** {@code WITHSCORES} reply: flat (RESP2) or as pairs (RESP3). */
    static List<ScoredMember> scoredMembers(Response reply) {
        List<ScoredMember> out = new ArrayList<>();
        if (reply == null || reply.size() == 0) {
            return out;
        }
        if (reply.get(0).type() == ResponseType.MULTI) {
            for (int i = 0; i < reply.size(); i++) {
                Response pair = reply.get(i);
                out.add(new ScoredMember(pair.get(0).toString(), pair.get(1).toDouble()));
            }
        } else {
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                out.add(new ScoredMember(reply.get(i).toString(), reply.get(i + 1).toDouble()));
            }
        }
        return out;
    }

    /** {@code XRANGE} reply: entries of {@code [id, [field, value, ...]]}. */
    static List<StreamEntry> streamEntries(Response reply) {
        List<StreamEntry> out = new ArrayList<>();
        if (reply == null) {
            return out;
        }
        for (int i = 0; i < reply.size(); i++) {
            Response entry = reply.get(i);
            Response flat = entry.get(1);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int j = 0; j + 1 < flat.size(); j += 2) {
                fields.put(flat.get(j).toString(), flat.get(j + 1).toString());
            }
            out.add(new StreamEntry(entry.get(0).toString(), fields));
        }
        return out;
    }
}
