package dev.deploygateway.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * One deployment's log as this instance's viewers see it: the only reader of the shared log for them (one read
 * at a time, woken by local appends and polled for the others), its newest events kept as encoded frames for
 * replay, and the loop groups its viewers live in. Confined to its home loop: every method runs there, and
 * talks to other loops only by handing them tasks, so no lock is ever held while a viewer is written to.
 */
final class Feed {

    private static final Logger LOG = Logger.getLogger(Feed.class);
    static final int PAGE = 1000;
    private static final int CHECK_RETRIES = 3;
    private static final Duration CHECK_BACKOFF = Duration.ofMillis(100);

    /** The shared log, read strictly after an id. */
    interface Source {
        Uni<List<DeploymentEvent>> readAfter(String afterId, int count);
    }

    /** A loop group and how many viewers the feed has sent to it that have not left yet. */
    private static final class Slot {
        final LoopGroup group;
        int viewers;

        Slot(LoopGroup group) {
            this.group = group;
        }
    }

    private final FeedLoop home;
    private final Source source;
    private final FeedSettings settings;
    private final Consumer<Feed> onClose;
    private final FeedTail tail;
    private final Map<FeedLoop, Slot> slots = new HashMap<>();
    private final List<Runnable> untilLoaded = new ArrayList<>();
    private final LongPolls polls;
    private final List<BiConsumer<Boolean, Throwable>> admissions = new ArrayList<>();
    private int members;
    private long idleSince;
    private long lastHeartbeat;
    private boolean loaded;
    private boolean reading;
    private boolean readAgain;
    private boolean checking;
    private boolean admitted;
    private boolean closed;

    Feed(FeedLoop home, Source source, FeedSettings settings, Consumer<Feed> onClose) {
        this.home = home;
        this.source = source;
        this.settings = settings;
        this.onClose = onClose;
        this.tail = new FeedTail(settings.tailEvents());
        this.polls = new LongPolls(home, source, tail, this::leave);
        this.idleSince = settings.nanoClock().getAsLong();
        this.lastHeartbeat = idleSince;
    }

    FeedLoop home() {
        return home;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Whether the deployment behind this log belongs to the caller, decided once per feed: the first viewer's
     * check is shared by everyone who asks while it runs, and a yes is kept (the log's key names the owner).
     */
    void admit(Supplier<Uni<Boolean>> check, BiConsumer<Boolean, Throwable> answer) {
        if (admitted) {
            answer.accept(true, null);
            return;
        }
        admissions.add(answer);
        if (!checking) {
            checking = true;
            // A burst of connects can keep the event loops busy past the store's command timeout: a failed
            // check (a read) is retried before the viewers waiting on it are told to come back later.
            Uni.createFrom().<Boolean>deferred(check::get).onFailure().retry().withBackOff(CHECK_BACKOFF)
                    .atMost(CHECK_RETRIES)
                    .subscribe().with(owned -> home.execute(() -> admitted(owned, null)),
                            failure -> home.execute(() -> admitted(false, failure)));
        }
    }

    private void admitted(boolean owned, Throwable failure) {
        checking = false;
        admitted = owned && failure == null;
        List<BiConsumer<Boolean, Throwable>> waiting = new ArrayList<>(admissions);
        admissions.clear();
        waiting.forEach(answer -> answer.accept(admitted, failure));
    }

    /** A viewer (already admitted) on {@code loop} wants every event after {@code cursor}; false once closed. */
    boolean join(Viewer viewer, FeedLoop loop, String cursor) {
        if (closed) {
            return false;
        }
        admitted = true;
        members++;
        Slot slot = slots.computeIfAbsent(loop, l -> new Slot(new LoopGroup(l, this, settings)));
        slot.viewers++;
        whenLoaded(() -> attach(viewer, slot, cursor));
        refresh();
        return true;
    }

    /** A long poll (already admitted); false once closed. */
    boolean await(LongPolls.Waiter waiter) {
        if (closed) {
            return false;
        }
        waiter.feed = this;
        if (waiter.cancelled) {
            return true;
        }
        admitted = true;
        members++;
        whenLoaded(() -> polls.offer(waiter));
        refresh();
        return true;
    }

    /** The long poll gave up waiting. */
    void cancel(LongPolls.Waiter waiter) {
        polls.cancel(waiter);
    }

    /**
     * Brings a feed that nobody watched up to date for its first new member; otherwise the beat and local
     * appends keep it current, and a burst of members must not turn into a burst of reads.
     */
    private void refresh() {
        if (!reading && (members == 1 || !loaded)) {
            poll();
        }
    }

    /** Viewers of {@code group} left (ended, cut off or disconnected). */
    void left(LoopGroup group, int count) {
        Slot slot = slots.get(group.loop());
        if (slot != null && slot.group == group) {
            slot.viewers -= count;
            if (slot.viewers == 0) {
                slots.remove(group.loop());
            }
        }
        leave(count);
    }

    /** Reads what the shared log has beyond the tail; one read at a time, a request meanwhile reads again. */
    void poll() {
        if (closed || tail.ended()) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        readAgain = false;
        source.readAfter(tail.lastId(), PAGE).subscribe().with(page -> home.execute(() -> accept(page)),
                failure -> home.execute(() -> {
                    reading = false;
                    LOG.debugf("event log not readable now: %s", failure.toString());
                }));
    }

    /** The periodic beat: poll while someone watches, send heartbeats, close after the linger time alone. */
    void tick() {
        if (closed) {
            return;
        }
        long now = settings.nanoClock().getAsLong();
        if (members == 0) {
            if (!checking && (!admitted || now - idleSince >= settings.linger().toNanos())) {
                closed = true;
                onClose.accept(this);
            }
            return;
        }
        polls.sweep();
        poll();
        if (now - lastHeartbeat >= settings.heartbeat().toNanos()) {
            lastHeartbeat = now;
            for (Slot slot : slots.values()) {
                slot.group.loop().execute(slot.group::heartbeat);
            }
        }
    }

    private void accept(List<DeploymentEvent> page) {
        reading = false;
        FrameRun fresh = tail.append(page);
        if (!fresh.isEmpty()) {
            for (Slot slot : slots.values()) {
                slot.group.loop().execute(() -> slot.group.deliver(fresh));
            }
            polls.arrived(fresh);
        }
        if (page.size() >= PAGE) {
            poll();
            return;
        }
        if (!loaded) {
            loaded = true;
            List<Runnable> ready = new ArrayList<>(untilLoaded);
            untilLoaded.clear();
            ready.forEach(Runnable::run);
        }
        if (readAgain) {
            poll();
        }
    }

    private void whenLoaded(Runnable action) {
        if (loaded) {
            action.run();
        } else {
            untilLoaded.add(action);
        }
    }

    private void attach(Viewer viewer, Slot slot, String cursor) {
        if (!tail.covers(cursor)) {
            catchUp(viewer, slot, cursor, new ArrayList<>());
            return;
        }
        FrameRun replay = tail.after(cursor);
        // Resumed ahead of this feed (it last saw events on an instance that had read further).
        String skip = StreamIds.isAfter(cursor, tail.lastId()) && !tail.ended() ? cursor : null;
        slot.group.loop().execute(() -> slot.group.add(viewer, replay, skip));
    }

    /** A viewer resuming before the tail reads the older part from the store itself, then joins the tail. */
    private void catchUp(Viewer viewer, Slot slot, String cursor, List<Frame> older) {
        source.readAfter(cursor, PAGE).subscribe().with(page -> home.execute(() -> {
            String at = cursor;
            for (DeploymentEvent event : page) {
                if (tail.covers(at)) {
                    break;
                }
                older.add(Frame.of(event));
                at = event.id();
            }
            if (!tail.covers(at) && page.size() >= PAGE) {
                catchUp(viewer, slot, at, older);
                return;
            }
            // What the store no longer has between here and the tail is gone (the log is capped).
            FrameRun rest = tail.after(tail.covers(at) ? at : tail.floor());
            for (int i = 0; i < rest.size(); i++) {
                older.add(rest.get(i));
            }
            FrameRun replay = FrameRun.of(older);
            slot.group.loop().execute(() -> slot.group.add(viewer, replay, null));
        }), failure -> home.execute(() -> {
            LOG.debugf("older events not readable now: %s", failure.toString());
            slot.group.loop().execute(() -> slot.group.interrupt(viewer));
        }));
    }

    private void leave(int count) {
        members -= count;
        if (members == 0) {
            idleSince = settings.nanoClock().getAsLong();
        }
    }
}
