package dev.deploygateway.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.events.EventLog;
import dev.deploygateway.store.MemoryKeyspace;
import dev.deploygateway.store.ScriptReply;
import dev.deploygateway.store.StoreScript;

/**
 * The owner's writes, fenced and exactly once. A batch of journal entries (each a record change, an event, or
 * both — a log line and the log cursor that covers it go together) is applied only while the record's generation
 * is the writer's; entries whose sequence number (counted per generation, {@code journalSeq = <gen>:<seq>}) the
 * record has already seen are skipped, so a batch retried after a timeout (which may have run) writes nothing
 * twice; and nothing is written after the deployment ended.
 *
 * <pre>
 * KEYS 1 record  2 events
 * ARGV 1 generation  2 stream max length  3 retention ms  4 terminal statuses, comma-separated  5 entry count,
 *      then per entry: seq, field count n, n field/value pairs, event kind ('' for none), event data
 *   → {"ok", appended event ids...} | {"fenced", current generation} | {"ended"}
 * </pre>
 */
final class JournalScript {

    private JournalScript() {
    }

    static final String OK = "ok";
    static final String FENCED = "fenced";
    static final String ENDED = "ended";

    static final StoreScript WRITE = new StoreScript("deployment-journal", """
            local generation = redis.call('HGET', KEYS[1], 'generation')
            if generation ~= ARGV[1] then
              return {'fenced', generation or ''}
            end
            local terminal = ',' .. ARGV[4] .. ','
            local function is_terminal(status)
              return status and string.find(terminal, ',' .. status .. ',', 1, true) ~= nil
            end
            local ended = is_terminal(redis.call('HGET', KEYS[1], 'status'))
            local last = 0
            local mark = redis.call('HGET', KEYS[1], 'journalSeq')
            if mark then
              local g, q = string.match(mark, '^(%d+):(%d+)$')
              if g == ARGV[1] then
                last = tonumber(q)
              end
            end
            local reply = {'ok'}
            local i = 6
            for n = 1, tonumber(ARGV[5]) do
              local seq = tonumber(ARGV[i])
              local count = tonumber(ARGV[i + 1])
              i = i + 2
              local fields = {}
              local status = nil
              for f = 0, count - 1 do
                fields[#fields + 1] = ARGV[i + 2 * f]
                fields[#fields + 1] = ARGV[i + 2 * f + 1]
                if ARGV[i + 2 * f] == 'status' then
                  status = ARGV[i + 2 * f + 1]
                end
              end
              i = i + 2 * count
              local kind, data = ARGV[i], ARGV[i + 1]
              i = i + 2
              if seq > last then
                if ended then
                  redis.call('HSET', KEYS[1], 'journalSeq', ARGV[1] .. ':' .. string.format('%d', last))
                  return {'ended'}
                end
                if count > 0 then
                  redis.call('HSET', KEYS[1], unpack(fields))
                end
                if kind ~= '' then
                  reply[#reply + 1] = redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[2], '*', 'k', kind, 'd', data)
                end
                last = seq
                ended = is_terminal(status)
              end
            end
            redis.call('HSET', KEYS[1], 'journalSeq', ARGV[1] .. ':' .. string.format('%d', last))
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            return reply
            """, JournalScript::writeInMemory);

    /** The arguments of one batch. */
    static List<String> args(long generation, long maxLength, long retentionMs, String terminal,
            List<JournalEntry> batch) {
        List<String> args = new ArrayList<>(List.of(Long.toString(generation), Long.toString(maxLength),
                Long.toString(retentionMs), terminal, Integer.toString(batch.size())));
        for (JournalEntry entry : batch) {
            args.add(Long.toString(entry.seq()));
            args.add(Integer.toString(entry.fields().size()));
            entry.fields().forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
            args.add(entry.eventKind());
            args.add(entry.eventData());
        }
        return args;
    }

    private static ScriptReply writeInMemory(MemoryKeyspace keyspace, List<String> keys, List<String> args) {
        Optional<Map<String, String>> found = keyspace.hash(keys.get(0));
        String generation = found.map(r -> r.get(DeploymentRecordCodec.GENERATION)).orElse(null);
        if (!args.get(0).equals(generation)) {
            return ScriptReply.of(FENCED, generation == null ? "" : generation);
        }
        Map<String, String> record = found.get();
        List<String> terminal = Arrays.asList(args.get(3).split(","));
        boolean ended = terminal.contains(record.get(DeploymentRecordCodec.STATUS));
        long last = 0;
        String[] mark = record.getOrDefault("journalSeq", "").split(":");
        if (mark.length == 2 && mark[0].equals(generation)) {
            last = Long.parseLong(mark[1]);
        }
        List<Object> reply = new ArrayList<>(List.of(OK));
        int i = 5;
        for (int n = 0, entries = Integer.parseInt(args.get(4)); n < entries; n++) {
            long seq = Long.parseLong(args.get(i));
            int count = Integer.parseInt(args.get(i + 1));
            i += 2;
            Map<String, String> fields = new LinkedHashMap<>();
            for (int f = 0; f < count; f++) {
                fields.put(args.get(i + 2 * f), args.get(i + 2 * f + 1));
            }
            i += 2 * count;
            String kind = args.get(i);
            String data = args.get(i + 1);
            i += 2;
            if (seq > last) {
                if (ended) {
                    record.put("journalSeq", generation + ":" + last);
                    return ScriptReply.of(ENDED);
                }
                record.putAll(fields);
                if (!kind.isEmpty()) {
                    reply.add(keyspace.streamOrCreate(keys.get(1))
                            .append(Map.of(EventLog.KIND, kind, EventLog.DATA, data), Long.parseLong(args.get(1)),
                                    keyspace.now()));
                }
                last = seq;
                ended = fields.containsKey(DeploymentRecordCodec.STATUS)
                        && terminal.contains(fields.get(DeploymentRecordCodec.STATUS));
            }
        }
        record.put("journalSeq", generation + ":" + last);
        keyspace.expire(keys.get(1), Long.parseLong(args.get(2)));
        return ScriptReply.ofList(reply);
    }
}
