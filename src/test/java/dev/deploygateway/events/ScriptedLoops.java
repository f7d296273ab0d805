package dev.deploygateway.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic scheduler: a few "event loops" that are task queues, run one task at a time by the test in an
 * order a seeded random picks, so that every interleaving a seed produces can be replayed exactly. Each loop
 * keeps its own order (FIFO), as a Vert.x event loop does; between loops anything goes.
 */
final class ScriptedLoops {

    private final Random random;
    private final List<ArrayDeque<Runnable>> queues = new ArrayList<>();
    private final List<FeedLoop> loops = new ArrayList<>();
    private long steps;

    ScriptedLoops(int count, Random random) {
        this.random = random;
        for (int i = 0; i < count; i++) {
            ArrayDeque<Runnable> queue = new ArrayDeque<>();
            queues.add(queue);
            loops.add(queue::add);
        }
    }

    FeedLoop loop(int index) {
        return loops.get(index);
    }

    FeedLoop any() {
        return loops.get(random.nextInt(loops.size()));
    }

    /** Runs one task of a randomly chosen loop that has work; false when no loop has any. */
    boolean step() {
        List<ArrayDeque<Runnable>> busy = queues.stream().filter(q -> !q.isEmpty()).toList();
        if (busy.isEmpty()) {
            return false;
        }
        busy.get(random.nextInt(busy.size())).poll().run();
        steps++;
        return true;
    }

    /** Runs tasks until every loop is idle; fails if that takes absurdly long (a task feeding itself forever). */
    void drain() {
        long limit = steps + 1_000_000;
        while (step()) {
            if (steps > limit) {
                throw new AssertionError("the loops never went idle");
            }
        }
    }

    boolean idle() {
        return queues.stream().allMatch(ArrayDeque::isEmpty);
    }
}
