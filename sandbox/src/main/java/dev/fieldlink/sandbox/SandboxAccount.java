package dev.fieldlink.sandbox;

import java.util.List;

/**
 * A trainee account of the sandbox, with the credentials generated at start. {@link #toString()} hides the
 * password and the TOTP secret.
 *
 * @param role the account's main role ({@code TECHNICIAN}, {@code TEAM_LEAD}, {@code TRAINER})
 * @param regions region ids of the bundled default policy
 * @param productLines the product lines the account is certified for (empty for a team lead)
 */
public record SandboxAccount(
        String username,
        String displayName,
        String role,
        String password,
        String totpSecret,
        List<String> regions,
        List<String> productLines) {
    public SandboxAccount {
        regions = List.copyOf(regions);
        productLines = List.copyOf(productLines);
    }

    @Override
    public String toString() {
        return "SandboxAccount[username=" + username + ", role=" + role + ", regions=" + regions + ", productLines="
                + productLines + ", password=***, totpSecret=***]";
    }
}
