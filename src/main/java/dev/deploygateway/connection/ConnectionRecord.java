package dev.deploygateway.connection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformId;

/**
 * The stored form of a connection (one JSON value per user and platform). {@code access} and {@code refresh} are
 * {@code v2:} ciphertext from {@code TokenCipher}, bound to (platform-token, user, platform, field). Times are
 * epoch milliseconds; {@code accessExpiresAt} and {@code refresh} are null when the platform gave none.
 */
record ConnectionRecord(String platform, ConnectionState state, ConnectMethod method, String accountId,
        String username, String name, List<PlatformAccount.Team> teams, String teamId, long connectedAt,
        Long accessExpiresAt, String access, String refresh) {

    ConnectionRecord {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    Connection view() {
        return new Connection(PlatformId.valueOf(platform.toUpperCase(Locale.ROOT)), state, method,
                new Connection.Account(accountId, username, name), teams, Optional.ofNullable(teamId),
                Instant.ofEpochMilli(connectedAt), Optional.ofNullable(accessExpiresAt).map(Instant::ofEpochMilli));
    }

    @JsonIgnore
    Optional<String> refreshCiphertext() {
        return Optional.ofNullable(refresh);
    }

    ConnectionRecord withState(ConnectionState newState) {
        return new ConnectionRecord(platform, newState, method, accountId, username, name, teams, teamId,
                connectedAt, accessExpiresAt, access, refresh);
    }

    ConnectionRecord withTokens(String newAccess, String newRefresh, Long newAccessExpiresAt) {
        return new ConnectionRecord(platform, state, method, accountId, username, name, teams, teamId, connectedAt,
                newAccessExpiresAt, newAccess, newRefresh);
    }

    /** Never prints ciphertext (records' generated toString would). */
    @Override
    public String toString() {
        return "ConnectionRecord[platform=" + platform + ", state=" + state + ", method=" + method + ", account="
                + username + ", access=***, refresh=" + (refresh == null ? "-" : "***") + "]";
    }
}
