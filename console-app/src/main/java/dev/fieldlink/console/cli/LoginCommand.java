package dev.fieldlink.console.cli;

import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.protocol.api.MeResponse;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "login", mixinStandardHelpOptions = true, description = "Sign in and keep the tokens (0600).")
final class LoginCommand implements Runnable {
    @ParentCommand
    Fieldlink root;

    @Option(names = "--relay", paramLabel = "HOST[:PORT]", description = "Relay address (default: the last one).")
    String relay;

    @Option(names = "--pin", paramLabel = "SHA256:...", description = "Pinned TLS certificate fingerprint.")
    String pin;

    @Option(
            names = {"-u", "--user"},
            paramLabel = "NAME",
            description = "Username (default: the last one).")
    String user;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--totp", required = true, paramLabel = "CODE", description = "The current TOTP code.")
    String totp;

    @Override
    public void run() {
        CliProfile profile = root.profile();
        String username = user != null ? user : profile.get("username");
        if (username == null) {
            throw new IllegalArgumentException("No username: pass --user NAME");
        }
        char[] password = password();
        try {
            RelayClient client = profile.client(relay, pin);
            client.login(username, password, totp.strip());
            MeResponse me = client.me();
            profile.set("relay", client.address().display());
            if (pin != null) {
                profile.set("pin", pin.strip());
            }
            profile.set("username", username);
            root.out()
                    .println("Signed in to " + client.address().display() + " as " + me.displayName() + " ("
                            + me.username() + ")");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] password() {
        if (passwordStdin) {
            String line = Fieldlink.readLine(root.stdin);
            if (line.isEmpty()) {
                throw new IllegalArgumentException("No password on standard input");
            }
            return line.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("No terminal to ask for the password: use --password-stdin");
        }
        char[] typed = console.readPassword("Password: ");
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("No password given");
        }
        return typed;
    }
}
