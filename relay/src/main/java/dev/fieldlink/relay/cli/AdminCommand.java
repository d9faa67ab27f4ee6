package dev.fieldlink.relay.cli;

import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.policy.ProductLine;
import dev.fieldlink.policy.file.PolicyFile;
import dev.fieldlink.policy.file.PolicyFileException;
import dev.fieldlink.relay.RelayCore;
import dev.fieldlink.relay.admin.RelayAdmin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code admin user|machine|keys|policy}. Works on the database directly; no relay needs to run. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Manage accounts, machines, keys and the policy.",
        subcommands = {UserCommands.class, MachineCommands.class, AdminCommand.Keys.class, AdminCommand.Policy.class})
final class AdminCommand {
    /** Runs {@code work} with administration on the configured database, acting as {@code admin:<os user>}. */
    static <T> T withAdmin(ConfigOption config, java.util.function.Function<RelayAdmin, T> work) {
        try (RelayCore core = RelayCore.open(config.load(), Clock.systemUTC())) {
            return work.apply(core.admin("admin:" + System.getProperty("user.name", "unknown") + "@cli"));
        }
    }

    @Command(
            name = "keys",
            mixinStandardHelpOptions = true,
            description = "Signing keys.",
            subcommands = {Keys.Rotate.class})
    static final class Keys {
        @Command(
                name = "rotate",
                mixinStandardHelpOptions = true,
                description = "New JWT signing key; the previous one still verifies. A running relay reloads it.")
        static final class Rotate extends AdminAction {
            @Override
            public Integer call() {
                admin(a -> {
                    a.rotateSigningKeys();
                    return null;
                });
                return done("signing keys rotated");
            }
        }
    }

    @Command(
            name = "policy",
            mixinStandardHelpOptions = true,
            description = "Region policy files.",
            subcommands = {Policy.Check.class})
    static final class Policy {
        @Command(name = "check", mixinStandardHelpOptions = true, description = "Check a policy file.")
        static final class Check implements Callable<Integer> {
            @Parameters(paramLabel = "FILE", description = "the policy YAML file")
            Path file;

            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                try {
                    EntitlementPolicy p = PolicyFile.load(file);
                    out.println(file + ": valid");
                    out.println("  regions        " + p.regions().regions().size() + ": "
                            + p.regions().regions().stream()
                                    .map(r -> r.id())
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
                    out.println("  product lines  "
                            + p.productLines().stream()
                                    .map(ProductLine::id)
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
                    out.println("  undertaking    valid for " + p.undertakingValidity() + ", dates in " + p.zone());
                    return 0;
                } catch (PolicyFileException e) {
                    spec.commandLine().getErr().println("error: " + e.getMessage());
                    return 1;
                }
            }
        }
    }
}
