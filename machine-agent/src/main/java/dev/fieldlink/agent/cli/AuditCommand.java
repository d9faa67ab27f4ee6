package dev.fieldlink.agent.cli;

import dev.fieldlink.agent.audit.AuditVerifier;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "The machine's local audit log.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: verify");
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Checks the hash chain of the local audit log offline; exit 1 names the first broken link.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            AgentConfig c = new ConfigLoader().load(config.file);
            AuditVerifier.Report r =
                    new AuditVerifier().verify(c.dataDirectory().resolve("audit"));
            var out = spec.commandLine().getOut();
            if (r.ok()) {
                out.printf(
                        "Audit chain intact: %d events, sequences %d to %d, relay acknowledged up to %d%n",
                        r.events(), r.firstSequence(), r.lastSequence(), r.acknowledged());
                return 0;
            }
            spec.commandLine().getErr().println("Audit chain BROKEN: " + r.problem());
            return 1;
        }
    }
}
