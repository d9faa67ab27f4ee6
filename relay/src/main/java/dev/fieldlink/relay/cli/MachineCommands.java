package dev.fieldlink.relay.cli;

import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.relay.admin.NewMachine;
import dev.fieldlink.relay.machine.AgentKeys;
import dev.fieldlink.relay.machine.Enrolment;
import dev.fieldlink.relay.machine.MachineRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin machine add|provision|register-key|list|show}. */
@Command(
        name = "machine",
        mixinStandardHelpOptions = true,
        description = "Machines and their agents.",
        subcommands = {
            MachineCommands.Add.class,
            MachineCommands.Provision.class,
            MachineCommands.RegisterKey.class,
            MachineCommands.ListMachines.class,
            MachineCommands.Show.class
        })
final class MachineCommands {
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a machine.")
    static final class Add extends AdminAction.OnMachine {
        @Option(names = "--serial", required = true)
        String serial;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--customer", required = true)
        String customer;

        @Option(names = "--site", required = true)
        String site;

        @Option(names = "--region", required = true)
        String region;

        @Option(names = "--product-line", required = true)
        String productLine;

        @Option(names = "--model", required = true)
        String model;

        @Option(
                names = "--max-minutes",
                defaultValue = "60",
                description = "longest session (default ${DEFAULT-VALUE})")
        int maxMinutes;

        @Option(names = "--remote-service", description = "the customer allows remote service")
        boolean remoteService;

        @Option(names = "--file-transfer")
        boolean fileTransfer;

        @Option(names = "--data-upload")
        boolean dataUpload;

        @Override
        public Integer call() {
            MachineRecord m = admin(a -> a.addMachine(new NewMachine(
                    id,
                    serial,
                    name,
                    customer,
                    site,
                    region,
                    productLine,
                    model,
                    new CustomerSwitches(remoteService, fileTransfer, dataUpload),
                    maxMinutes)));
            return done("machine " + m.id() + " added");
        }
    }

    @Command(name = "provision", mixinStandardHelpOptions = true, description = "A one-time enrolment code.")
    static final class Provision extends AdminAction.OnMachine {
        @Override
        public Integer call() {
            Enrolment.ProvisionedCode c = admin(a -> a.provisionMachine(id));
            PrintWriter out = out();
            out.println("enrolment code for " + c.machineId() + " (valid until " + c.expiresAt() + ", once):");
            out.println(c.code());
            return 0;
        }
    }

    @Command(
            name = "register-key",
            mixinStandardHelpOptions = true,
            description = "Register an agent's public key without a code.")
    static final class RegisterKey extends AdminAction.OnMachine {
        @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "OpenSSH public key file")
        Path key;

        @Override
        public Integer call() throws IOException {
            String line = Files.readString(key, StandardCharsets.UTF_8).strip();
            AgentKeys.Parsed p = admin(a -> a.registerAgentKey(id, line));
            return done("key " + p.fingerprint() + " registered for " + id);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List machines.")
    static final class ListMachines extends AdminAction {
        @Override
        public Integer call() {
            List<MachineRecord> all = admin(a -> a.listMachines());
            PrintWriter out = out();
            out.printf("%-20s %-8s %-16s %-8s %-24s %s%n", "ID", "REGION", "PRODUCT LINE", "KEY", "LAST SEEN", "NAME");
            for (MachineRecord m : all) {
                out.printf(
                        "%-20s %-8s %-16s %-8s %-24s %s%n",
                        m.id(),
                        m.region(),
                        m.productLine(),
                        m.publicKey() == null ? "none" : "yes",
                        m.lastSeen() == null ? "never" : m.lastSeen().toString(),
                        m.name());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one machine.")
    static final class Show extends AdminAction.OnMachine {
        @Override
        public Integer call() {
            MachineRecord m = admin(a -> a.machine(id));
            PrintWriter out = out();
            out.println("id             " + m.id());
            out.println("name           " + m.name());
            out.println("serial         " + m.serial());
            out.println("customer       " + m.customer() + ", " + m.site());
            out.println("region         " + m.region());
            out.println("product line   " + m.productLine() + " (" + m.model() + ")");
            out.println("switches       remote service " + onOff(m.switches().remoteService()) + ", file transfer "
                    + onOff(m.switches().fileTransfer()) + ", data upload "
                    + onOff(m.switches().dataUpload()));
            out.println("max session    " + m.maxSessionMinutes() + " minutes");
            out.println("agent key      " + (m.keyFingerprint() == null ? "none registered" : m.keyFingerprint()));
            out.println("last seen      " + (m.lastSeen() == null ? "never" : m.lastSeen()));
            return 0;
        }

        private static String onOff(boolean b) {
            return b ? "on" : "off";
        }
    }
}
