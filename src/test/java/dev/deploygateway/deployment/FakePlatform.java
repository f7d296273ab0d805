package dev.deploygateway.deployment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformCapabilities;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformProfile;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.platform.ProjectNameRule;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.platform.SourceLimits;
import dev.deploygateway.platform.UploadProgress;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * A platform the test drives by hand (it stands in for "fly", which has no real implementation): every build is a
 * {@link Build} whose log lines and end the test pushes, so pipeline behaviour is tested without timing. Its
 * feed replays from {@code since} inclusive, as Vercel's does, so resumes must de-duplicate. Enabled only by
 * {@link OwnershipFixture.FakePlatformProfile}. Tests reach its state through methods: an injected bean is a
 * client proxy, whose fields are not the bean's.
 */
@Alternative
@ApplicationScoped
public class FakePlatform implements DeploymentPlatform {

    private final Map<String, Build> buildsByGatewayId = new ConcurrentHashMap<>();
    private final AtomicInteger deployCalls = new AtomicInteger();
    private final List<String> canceled = new CopyOnWriteArrayList<>();
    private volatile Uni<Void> deployGate = Uni.createFrom().voidItem();
    private volatile Uni<Void> projectGate = Uni.createFrom().voidItem();

    /** One platform deployment: its log so far and the feeds following it. */
    static final class Build {
        final String id;
        final List<PlatformEvent.LogLine> lines = new CopyOnWriteArrayList<>();
        final List<MultiEmitter<? super PlatformEvent>> followers = new CopyOnWriteArrayList<>();
        volatile PlatformState state = PlatformState.BUILDING;

        Build(String id) {
            this.id = id;
        }

        /** A line with its own timestamp. */
        synchronized void line(String text, Instant at) {
            PlatformEvent.LogLine line = new PlatformEvent.LogLine(id + ":" + lines.size(), at,
                    PlatformEvent.Stream.STDOUT, text);
            lines.add(line);
            followers.forEach(f -> f.emit(line));
        }

        synchronized void finish(PlatformState terminal) {
            state = terminal;
            followers.forEach(f -> {
                f.emit(new PlatformEvent.StateChange(terminal, terminal.name(), Instant.now()));
                f.complete();
            });
        }

        List<String> texts() {
            return lines.stream().map(PlatformEvent.LogLine::text).toList();
        }
    }

    void reset() {
        buildsByGatewayId.clear();
        deployCalls.set(0);
        canceled.clear();
        deployGate = Uni.createFrom().voidItem();
        projectGate = Uni.createFrom().voidItem();
    }

    /** The build the gateway deployment started, once the platform accepted it. */
    Build build(String gatewayDeploymentId) {
        return buildsByGatewayId.get(gatewayDeploymentId);
    }

    int deployCalls() {
        return deployCalls.get();
    }

    List<String> canceled() {
        return List.copyOf(canceled);
    }

    /** Project creation answers once {@code gate} completes (a slow platform until then). */
    void holdProjectsUntil(Uni<Void> gate) {
        this.projectGate = gate;
    }

    /** Deploy calls are accepted once {@code gate} completes (an upload in progress until then). */
    void holdDeploysUntil(Uni<Void> gate) {
        this.deployGate = gate;
    }

    private static final PlatformProfile PROFILE = new PlatformProfile(PlatformId.FLY,
            PlatformCapabilities.of(Capability.API_TOKEN, Capability.FILE_UPLOAD, Capability.CANCEL,
                    Capability.REDEPLOY),
            new ProjectNameRule("any name", name -> true), new SourceLimits(1000, 1 << 20, 10 << 20));

    @Override
    public PlatformProfile profile() {
        return PROFILE;
    }

    @Override
    public Uni<PlatformAccount> verify(PlatformCredential credential) {
        return Uni.createFrom().item(new PlatformAccount("acct", "tester", Optional.empty(), List.of()));
    }

    @Override
    public Uni<Boolean> projectExists(PlatformCredential credential, String name) {
        return Uni.createFrom().item(false);
    }

    @Override
    public Uni<PlatformProject> findOrCreateProject(PlatformCredential credential, ProjectSpec spec) {
        return projectGate.map(ignored -> new PlatformProject("prj_" + spec.name(), spec.name(), true));
    }

    @Override
    public Uni<Void> setEnvironment(PlatformCredential credential, PlatformProject project, List<EnvVar> variables) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<PlatformDeployment> deploy(PlatformCredential credential, PlatformProject project,
            PreparedSource source, DeploySpec spec, UploadProgress progress) {
        deployCalls.incrementAndGet();
        String gatewayId = spec.meta().get("deployGatewayId");
        return deployGate.map(ignored -> {
            Build build = new Build("fake_" + gatewayId);
            buildsByGatewayId.put(gatewayId, build);
            return view(build);
        });
    }

    @Override
    public Uni<PlatformDeployment> status(PlatformCredential credential, String deploymentId) {
        return Uni.createFrom().item(() -> view(byId(deploymentId)));
    }

    @Override
    public Multi<PlatformEvent> events(PlatformCredential credential, String deploymentId, Optional<Instant> since) {
        Build build = byId(deploymentId);
        return Multi.createFrom().emitter(emitter -> {
            synchronized (build) {
                build.lines.stream().filter(l -> since.map(s -> !l.at().isBefore(s)).orElse(true))
                        .forEach(emitter::emit);
                if (build.state.terminal()) {
                    emitter.emit(new PlatformEvent.StateChange(build.state, build.state.name(), Instant.now()));
                    emitter.complete();
                    return;
                }
                build.followers.add(emitter);
                emitter.onTermination(() -> build.followers.remove(emitter));
            }
        });
    }

    @Override
    public Uni<PlatformDeployment> cancel(PlatformCredential credential, String deploymentId) {
        canceled.add(deploymentId);
        Build build = byId(deploymentId);
        build.finish(PlatformState.CANCELED);
        return Uni.createFrom().item(view(build));
    }

    private Build byId(String deploymentId) {
        return buildsByGatewayId.values().stream().filter(b -> b.id.equals(deploymentId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no fake build " + deploymentId));
    }

    private static PlatformDeployment view(Build build) {
        return new PlatformDeployment(build.id, "prj", build.state, build.state.name(),
                Optional.of(URI.create("https://" + build.id + ".fake.test")), Optional.empty(), Optional.empty(),
                Instant.now());
    }
}
