package dev.fieldlink.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.agent.switches.AdminPin;
import dev.fieldlink.auth.password.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
        name = "admin-pin",
        mixinStandardHelpOptions = true,
        description = "Sets the admin PIN that guards the customer switches in the operator panel (6 to 12 digits)."
                + " Reads it twice from the terminal, or two lines from standard input; stores only its Argon2id hash.")
final class AdminPinCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        char[] first;
        char[] second;
        Console console = System.console();
        if (console != null) {
            first = console.readPassword("New admin PIN: ");
            second = console.readPassword("Repeat the PIN: ");
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            first = line(in);
            second = line(in);
        }
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the two PINs differ");
            }
            AdminPin.requireValidNewPin(first);
            String hash = new PasswordHasher().hash(first);
            new ConfigLoader().update(config.file, root -> {
                var panel = root.has("panel") ? (ObjectNode) root.get("panel") : root.putObject("panel");
                panel.put("adminPinHash", hash);
            });
            spec.commandLine().getOut().println("Admin PIN set in " + config.file.toAbsolutePath());
            return 0;
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static char[] line(BufferedReader in) throws IOException {
        String s = in.readLine();
        return s == null ? null : s.strip().toCharArray();
    }
}
