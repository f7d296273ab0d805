package dev.deploygateway.platform.render;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Workspaces and services. The workspace is the credential's team (chosen when connecting or in the request), else
 * the key's personal workspace ({@code type: user}), else its first. Service names are unique per workspace, so
 * "taken" is a {@code GET /v1/services?name=&ownerId=} with an exact match.
 */
@ApplicationScoped
class RenderServices {

    private final RenderApi api;
    private final RenderCalls calls;

    RenderServices(@RestClient RenderApi api, RenderCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    Uni<List<RenderWire.Owner>> owners(PlatformCredential credential, PlatformStep step) {
        return calls.idempotent(step, () -> api.owners(credential.bearer(), 100))
                .map(list -> list.stream().map(RenderWire.OwnerWithCursor::owner).toList());
    }

    Uni<String> owner(PlatformCredential credential, PlatformStep step) {
        if (credential.teamId().isPresent()) {
            return Uni.createFrom().item(credential.teamId().get());
        }
        return owners(credential, step).map(owners -> owners.stream().filter(o -> "user".equals(o.type()))
                .findFirst().or(() -> owners.stream().findFirst()).map(RenderWire.Owner::id)
                .orElseThrow(() -> PlatformException.of(ErrorCode.VALIDATION_FAILED, PlatformId.RENDER, step, false,
                        "The Render API key has no workspace to deploy into")));
    }

    Uni<Optional<RenderWire.Service>> find(PlatformCredential credential, String ownerId, String name,
            PlatformStep step) {
        return calls.idempotent(step, () -> api.services(credential.bearer(), name, ownerId, 20))
                .map(list -> list.stream().map(RenderWire.ServiceWithCursor::service)
                        .filter(s -> s.name().equals(name) && s.ownerId().equals(ownerId)).findFirst());
    }

    Uni<RenderWire.Service> get(PlatformCredential credential, String serviceId, PlatformStep step) {
        return calls.idempotent(step, () -> api.service(credential.bearer(), serviceId));
    }

    /** Upserts each variable; keys not listed stay (a whole-list PUT would delete them). */
    Uni<Void> setEnv(PlatformCredential credential, String serviceId, List<EnvVar> variables) {
        return Multi.createFrom().iterable(variables).onItem().transformToUniAndConcatenate(v -> calls.idempotent(
                PlatformStep.CONFIGURE, () -> api.putEnvVar(credential.bearer(), serviceId, v.key(),
                        new RenderWire.EnvVarValue(v.value()))))
                .collect().last().replaceWithVoid();
    }
}
