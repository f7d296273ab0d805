package dev.deploygateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the harness reads about a server process: RSS, live heap and its class histogram (through jcmd). */
final class ServerProcess {

    private static final Pattern HISTO = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    private ServerProcess() {
    }

    /** VmRSS in KB, or -1 when the process is gone. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Heap in use right after a full GC, in KB; -1 when jcmd cannot tell. */
    static long liveHeapKb(long pid) {
        jcmd(pid, "GC.run");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Live objects by class (jcmd GC.class_histogram, which collects first): class -> {instances, bytes}. */
    static Map<String, long[]> histogram(long pid) {
        Map<String, long[]> classes = new LinkedHashMap<>();
        for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
            Matcher m = HISTO.matcher(line);
            if (m.matches()) {
                classes.put(m.group(3), new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) });
            }
        }
        return classes;
    }

    /** Classes whose live bytes grew most between two histograms: "class instances bytes" rows. */
    static List<String[]> growth(Map<String, long[]> before, Map<String, long[]> after, int top) {
        List<String[]> rows = new ArrayList<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] { e.getValue()[0] - before.getOrDefault(e.getKey(),
                        new long[2])[0], e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1] }))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                .forEach(e -> rows.add(new String[] { e.getKey(), Long.toString(e.getValue()[0]),
                        Long.toString(e.getValue()[1]) }));
        return rows;
    }

    /** Writes a heap dump of the live objects (a diagnostic, when asked for with {@code HEAP_DUMP}). */
    static void heapDump(long pid, String file) {
        jcmd(pid, "GC.heap_dump " + file);
    }

    /** The load average of the machine (1, 5, 15 minutes). */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String jcmd(long pid, String command) {
        try {
            List<String> argv = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
            argv.addAll(List.of(command.split(" ")));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(120, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
