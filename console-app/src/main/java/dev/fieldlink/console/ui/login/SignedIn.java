package dev.fieldlink.console.ui.login;

import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.MeResponse;
import java.util.Objects;

/** A successful sign-in: the client holding the tokens and who signed in. */
public record SignedIn(RelayClient client, MeResponse me) {
    public SignedIn {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(me, "me");
    }

    public boolean isTeamLead() {
        return me.roles().contains(Role.TEAM_LEAD);
    }

    public boolean isTechnician() {
        return me.roles().contains(Role.TECHNICIAN);
    }
}
