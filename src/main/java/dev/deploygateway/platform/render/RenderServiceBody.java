package dev.deploygateway.platform.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.RenderConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.scaffold.SourceBundle;

/**
 * The {@code POST /v1/services} body for a project: what the request says, else sensible defaults read from the
 * project. A {@code package.json} with a {@code start} script makes a Node {@code web_service} (build
 * {@code npm install} plus {@code npm run build} when there is a build script, start {@code npm start}); anything else
 * a {@code static_site} published from the output directory, else the repository root. Every env var, and
 * {@code DATABASE_URL} when a database was provisioned, is in the body, so the first build already has them.
 * {@code autoDeploy} is off: the gateway triggers each deploy itself, and a push would otherwise start a second one.
 */
final class RenderServiceBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderServiceBody() {
    }

    static RenderWire.NewService of(String name, String ownerId, DeploySpec.GitSource git, SourceBundle bundle,
            Optional<String> databaseUrl, RenderConfig config) {
        ProjectSpec project = git.project();
        DeploySpec.ServiceOptions options = git.service();
        Optional<JsonNode> scripts = packageScripts(bundle);
        boolean hasStart = scripts.map(s -> s.hasNonNull("start")).orElse(false);
        String type = options.type().orElse(hasStart || options.startCommand().isPresent() ? "web_service"
                : "static_site");
        var env = new ArrayList<RenderWire.EnvVarInput>();
        for (EnvVar v : git.environment()) {
            env.add(new RenderWire.EnvVarInput(v.key(), v.value()));
        }
        databaseUrl.ifPresent(url -> env.add(new RenderWire.EnvVarInput("DATABASE_URL", url)));
        Object details;
        if ("web_service".equals(type)) {
            String runtime = options.runtime().orElse(scripts.isPresent() ? "node" : null);
            if (runtime == null) {
                throw refused("A web_service needs service.runtime (the project has no package.json to tell)");
            }
            boolean node = "node".equals(runtime);
            String build = project.buildCommand().orElse(node ? "npm install" + (scripts.map(s -> s.hasNonNull(
                    "build")).orElse(false) ? " && npm run build" : "") : null);
            String start = options.startCommand().orElse(node && hasStart ? "npm start" : null);
            if (build == null || start == null) {
                throw refused("A " + runtime + " web_service needs buildCommand and service.startCommand");
            }
            details = new RenderWire.WebServiceDetails(runtime, options.plan().or(config::defaultPlan).orElse(null),
                    options.region().orElse(config.defaultRegion()), new RenderWire.NativeDetails(build, start));
        } else {
            String build = project.buildCommand().orElse(scripts.map(s -> s.hasNonNull("build")).orElse(false)
                    ? "npm install && npm run build" : "");
            details = new RenderWire.StaticSiteDetails(build, project.outputDirectory().orElse("."));
        }
        return new RenderWire.NewService(type, name, ownerId, git.repository().toString(), git.branch(), "no",
                project.rootDirectory().orElse(null), List.copyOf(env), details);
    }

    private static Optional<JsonNode> packageScripts(SourceBundle bundle) {
        return bundle.file("package.json").map(f -> {
            try {
                JsonNode scripts = JSON.readTree(f.content()).path("scripts");
                return scripts.isObject() ? scripts : JSON.createObjectNode();
            } catch (IOException notJson) {
                return JSON.createObjectNode();
            }
        });
    }

    private static PlatformException refused(String rule) {
        return PlatformException.of(ErrorCode.VALIDATION_FAILED, PlatformId.RENDER, PlatformStep.CREATE, false, rule);
    }
}
