package dev.deploygateway.bench;

import java.time.Instant;
import java.util.List;

/** The results table (markdown), with the command, the machine and its load. */
final class Report {

    private final int k;
    private final String command;
    private final String loadAtStart;
    private final Instant started = Instant.now();

    Report(int k, String command, String loadAtStart) {
        this.k = k;
        this.command = command;
        this.loadAtStart = loadAtStart;
    }

    String render(SseFanOut.Result a, SseFanOut.Result w, SseFanOut.Result b, SseFanOut.Result c,
            SseFanOut.Result base, String meters, String loadAtEnd) {
        StringBuilder out = new StringBuilder("# SSE fan-out benchmark results\n\n");
        out.append("Run ").append(started).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append("; K = ").append(k)
                .append(".\nCommand: `").append(command).append("`.\nLoad average (1/5/15 min) at start ")
                .append(loadAtStart).append(", at end ").append(loadAtEnd).append(".\n\n");
        Samples lagB = b.run.lags();
        Samples lagBase = base.run.lags();
        out.append("| metric | gateway A (1 viewer) | gateway B (K viewers) | baseline (K viewers) | gateway / baseline |\n")
                .append("| --- | ---: | ---: | ---: | ---: |\n");
        row(out, "streams opened (HTTP 200)", a.run.open.get(), b.run.open.get(), base.run.open.get(), "");
        row(out, "streams failed to open", a.run.failed.get(), b.run.failed.get(), base.run.failed.get(), "");
        row(out, "ramp time to all open (s)", fmt(a.run.rampSeconds), fmt(b.run.rampSeconds),
                fmt(base.run.rampSeconds), ratio(b.run.rampSeconds, base.run.rampSeconds));
        row(out, "connect to response headers p50 / p99 (ms)", latency(a), latency(b), latency(base), "");
        row(out, "events in the log", a.log.size(), b.log.size(), base.log.size(), "");
        row(out, "viewers with the full sequence ending in `end`", a.run.complete(a.ids()), b.run.complete(b.ids()),
                base.run.completeCount(base.log.size()), "");
        row(out, "live deliveries measured, all K open (viewer x event)", a.run.lags().size(), lagB.size(),
                lagBase.size(), "");
        row(out, "lag append->receipt p50 (ms)", a.run.lags().pct(50), lagB.pct(50), lagBase.pct(50),
                ratio(lagB.pct(50), lagBase.pct(50)));
        row(out, "**lag append->receipt p99 (ms)**", a.run.lags().pct(99), lagB.pct(99), lagBase.pct(99),
                ratio(lagB.pct(99), lagBase.pct(99)));
        row(out, "lag append->receipt max (ms)", a.run.lags().pct(100), lagB.pct(100), lagBase.pct(100), "");
        Samples duringRamp = b.run.lagsDuringRamp();
        row(out, "lag p50 / p99 of events appended during the ramp (ms)", "-",
                duringRamp.pct(50) + " / " + duringRamp.pct(99) + " (" + duringRamp.size() + ")", "-", "");
        row(out, "spread after the first receiver p50 / p99 (ms)", "-",
                b.run.spread().pct(50) + " / " + b.run.spread().pct(99),
                base.run.spread().pct(50) + " / " + base.run.spread().pct(99), "");
        out.append("\nW: K viewers of A's finished deployment, each replayed the whole log from the feed's memory"
                + " (the first ramp of both processes):\n\n| metric | gateway W |\n| --- | ---: |\n");
        row(out, "streams opened (HTTP 200) / failed", w.run.open.get() + " / " + w.run.failed.get());
        row(out, "ramp time to all open (s)", fmt(w.run.rampSeconds));
        row(out, "connect to response headers p50 / p99 (ms)", latency(w));
        row(out, "viewers with the full sequence ending in `end`", w.run.complete(w.ids()));
        out.append("\nMemory, measured with K viewers attached and idle (gateway: scenario C, a slow build):\n\n")
                .append("| metric | gateway C (K viewers) | baseline (K viewers) | gateway / baseline |\n")
                .append("| --- | ---: | ---: | ---: |\n");
        row(out, "streams opened (HTTP 200) / ramp (s)", c.run.open.get() + " / " + fmt(c.run.rampSeconds),
                base.run.open.get() + " / " + fmt(base.run.rampSeconds), "");
        row(out, "RSS before / with viewers (MB)", mb(c.rssBefore) + " / " + mb(c.rssWith),
                mb(base.rssBefore) + " / " + mb(base.rssWith), "");
        double gatewayHeap = perViewerValue(c.heapWith - c.heapBefore, c.run.open.get());
        double baseHeap = perViewerValue(base.heapWith - base.heapBefore, base.run.open.get());
        double gatewayOffHeap = perViewerValue(c.rssWith - c.rssBefore, c.run.open.get());
        double baseOffHeap = perViewerValue(base.rssWith - base.rssBefore, base.run.open.get());
        row(out, "live heap per viewer (KB, after a full GC)", fmt(gatewayHeap), fmt(baseHeap),
                ratio(gatewayHeap, baseHeap));
        row(out, "RSS growth per viewer outside the pre-touched heap (KB)", fmt(gatewayOffHeap), fmt(baseOffHeap),
                ratio(gatewayOffHeap, baseOffHeap));
        row(out, "**bytes per viewer (KB): live heap + RSS growth**", fmt(gatewayHeap + gatewayOffHeap),
                fmt(baseHeap + baseOffHeap), ratio(gatewayHeap + gatewayOffHeap, baseHeap + baseOffHeap));
        row(out, "RSS growth per viewer during B's ramp (KB, gateway B vs baseline)",
                perViewer(b.rssWith - b.rssBefore, b.run.open.get()), fmt(baseOffHeap), "");
        out.append("\nUpstream platform calls (one lease owner, one platform watcher whatever the viewers):\n\n")
                .append("| metric | A (1 viewer) | B (K viewers) | B / A |\n| --- | ---: | ---: | ---: |\n");
        row(out, "served by the sandbox", a.upstreamServed, b.upstreamServed,
                ratio(b.upstreamServed, a.upstreamServed));
        row(out, "made by the gateway's Vercel client", a.upstreamClient, b.upstreamClient,
                ratio(b.upstreamClient, a.upstreamClient));
        out.append("\nBy route: A ").append(a.upstreamByUri).append("; B ").append(b.upstreamByUri).append(".\n");
        histogram(out, "the gateway (scenario C)", c.growth, c.run.open.get());
        histogram(out, "the baseline", base.growth, base.run.open.get());
        out.append("\nThe gateway's fan-out meters after B (`/q/metrics`):\n\n```\n").append(meters).append("```\n");
        return out.toString();
    }

    private static void histogram(StringBuilder out, String who, List<String[]> growth, int viewers) {
        out.append("\nWhere the live heap per viewer goes in ").append(who).append(" (`jcmd GC.class_histogram`"
                + " with the viewers attached minus before; top classes by bytes):\n\n")
                .append("| class | instances per viewer | bytes per viewer |\n| --- | ---: | ---: |\n");
        for (String[] row : growth) {
            out.append("| `").append(row[0]).append("` | ")
                    .append(String.format("%.2f", Long.parseLong(row[1]) / (double) Math.max(1, viewers)))
                    .append(" | ").append(String.format("%.0f", Long.parseLong(row[2]) / (double) Math.max(1, viewers)))
                    .append(" |\n");
        }
    }

    private static String latency(SseFanOut.Result r) {
        Samples s = r.run.connectLatency();
        return s.pct(50) + " / " + s.pct(99);
    }

    private static void row(StringBuilder out, String name, Object... cells) {
        out.append("| ").append(name);
        for (Object cell : cells) {
            out.append(" | ").append(cell);
        }
        out.append(" |\n");
    }

    private static double perViewerValue(long kb, int viewers) {
        return viewers == 0 ? 0 : kb / (double) viewers;
    }

    private static String perViewer(long kb, int viewers) {
        return fmt(perViewerValue(kb, viewers));
    }

    private static String ratio(double value, double reference) {
        return reference <= 0 ? "n/a" : String.format("%.2f", value / reference);
    }

    private static String mb(long kb) {
        return kb < 0 ? "n/a" : fmt(kb / 1024.0);
    }

    private static String fmt(double v) {
        return String.format("%.1f", v);
    }
}
