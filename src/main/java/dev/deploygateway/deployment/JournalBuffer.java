package dev.deploygateway.deployment;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import dev.deploygateway.store.ScriptReply;
import io.smallrye.mutiny.Uni;

/**
 * The owner's writes of one running deployment as a buffer: applied strictly in the order it was issued, exactly
 * once, and never lost: entries are numbered, buffered, and written in batches by one fenced script
 * ({@link JournalScript}); while the store fails, the same batch is retried with jittered back-off until it
 * succeeds (a retry of a batch that did run is skipped by the store). The buffer is bounded: an entry offered
 * beyond {@code capacity} is still kept (order and sequence stay intact) but the caller is held until the
 * buffer drains, which in turn stops the pipeline reading the platform's stream — back-pressure instead of a
 * hole. When the store refuses the writes (a newer owner, or the deployment already ended), every waiter fails
 * with {@link OwnershipLostException} and {@code onLost} stops the run.
 */
final class JournalBuffer {

    private static final Logger LOG = Logger.getLogger(JournalBuffer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(50);
    private static final Duration MAX_RETRY = Duration.ofSeconds(2);

    private final String deploymentId;
    private final Function<List<JournalEntry>, Uni<ScriptReply>> writer;
    private final Consumer<OwnershipLostException> onLost;
    private final Runnable onAppended;
    private final int capacity;
    private final int maxBatch;

    private final ArrayDeque<JournalEntry> buffer = new ArrayDeque<>();
    private final List<Waiter> durability = new ArrayList<>();
    private final List<CompletableFuture<Void>> room = new ArrayList<>();
    private long nextSeq = 1;
    private long written;
    private boolean flushing;
    private int failedAttempts;
    private OwnershipLostException lost;

    /** A caller waiting until every entry up to {@code seq} is stored. */
    private record Waiter(long seq, CompletableFuture<Void> done) {
    }

    JournalBuffer(String deploymentId, Function<List<JournalEntry>, Uni<ScriptReply>> writer, int capacity,
            int maxBatch, Consumer<OwnershipLostException> onLost, Runnable onAppended) {
        this.deploymentId = deploymentId;
        this.writer = writer;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.onLost = onLost;
        this.onAppended = onAppended;
    }

    /**
     * Adds an entry now (in call order); the Uni completes at once while the buffer has room, else when it has
     * drained below {@code capacity}. Once the run lost its ownership an entry is dropped (the run is being
     * stopped by {@code onLost}; {@link #durable()} fails for whoever must know).
     */
    Uni<Void> append(Map<String, String> fields, String eventKind, String eventData) {
        CompletableFuture<Void> admitted;
        synchronized (this) {
            if (lost != null) {
                return Uni.createFrom().voidItem();
            }
            buffer.addLast(new JournalEntry(nextSeq++, fields, eventKind, eventData));
            if (buffer.size() > capacity) {
                admitted = new CompletableFuture<>();
                room.add(admitted);
            } else {
                admitted = null;
            }
        }
        flush();
        return admitted == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(admitted);
    }

    /** Completes when every entry appended so far is stored. */
    Uni<Void> durable() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (lost != null) {
                return Uni.createFrom().failure(lost);
            }
            long target = nextSeq - 1;
            if (written >= target) {
                return Uni.createFrom().voidItem();
            }
            durability.add(new Waiter(target, done));
        }
        return Uni.createFrom().completionStage(done);
    }

    synchronized boolean isLost() {
        return lost != null;
    }

    private void flush() {
        List<JournalEntry> batch;
        synchronized (this) {
            if (flushing || lost != null || buffer.isEmpty()) {
                return;
            }
            flushing = true;
            batch = new ArrayList<>(Math.min(buffer.size(), maxBatch));
            Iterator<JournalEntry> it = buffer.iterator();
            while (it.hasNext() && batch.size() < maxBatch) {
                batch.add(it.next());
            }
        }
        writer.apply(batch).subscribe().with(reply -> onReply(batch, reply), failure -> retryLater(failure));
    }

    private void onReply(List<JournalEntry> batch, ScriptReply reply) {
        switch (reply.outcome()) {
            case JournalScript.OK -> stored(batch, reply.size() > 1);
            case JournalScript.FENCED -> lose("a newer owner (generation " + reply.optionalText(1).orElse("?")
                    + ") holds it; this run stops");
            case JournalScript.ENDED -> lose("it already ended; this run stops");
            default -> retryLater(new IllegalStateException("unexpected journal reply " + reply.outcome()));
        }
    }

    private void stored(List<JournalEntry> batch, boolean appendedEvents) {
        List<CompletableFuture<Void>> completed = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < batch.size(); i++) {
                buffer.pollFirst();
            }
            written = batch.get(batch.size() - 1).seq();
            if (failedAttempts > 0) {
                LOG.infof("deployment %s: journal writes resumed after %d failed attempt(s)", deploymentId,
                        failedAttempts);
            }
            failedAttempts = 0;
            flushing = false;
            for (Iterator<Waiter> it = durability.iterator(); it.hasNext();) {
                Waiter w = it.next();
                if (w.seq() <= written) {
                    completed.add(w.done());
                    it.remove();
                }
            }
            if (buffer.size() <= capacity) {
                completed.addAll(room);
                room.clear();
            }
        }
        if (appendedEvents) {
            onAppended.run();
        }
        completed.forEach(f -> f.complete(null));
        flush();
    }

    private void retryLater(Throwable failure) {
        int attempt;
        synchronized (this) {
            attempt = ++failedAttempts;
        }
        if (attempt == 1 || attempt % 50 == 0) {
            LOG.warnf("deployment %s: journal write failed (%s); retrying in order until the store answers",
                    deploymentId, failure.toString());
        }
        long base = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt - 1, 10));
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(delay)).subscribe().with(ignored -> {
            synchronized (this) {
                flushing = false;
            }
            flush();
        });
    }

    private void lose(String reason) {
        OwnershipLostException failure = new OwnershipLostException(deploymentId, reason);
        List<CompletableFuture<Void>> durable = new ArrayList<>();
        List<CompletableFuture<Void>> waitingForRoom;
        synchronized (this) {
            lost = failure;
            flushing = false;
            buffer.clear();
            durability.forEach(w -> durable.add(w.done()));
            durability.clear();
            waitingForRoom = new ArrayList<>(room);
            room.clear();
        }
        LOG.warnf("%s", failure.getMessage());
        // Whoever waits for durability must not go on to call the platform; the rest is stopped by onLost.
        durable.forEach(f -> f.completeExceptionally(failure));
        waitingForRoom.forEach(f -> f.complete(null));
        onLost.accept(failure);
    }
}
