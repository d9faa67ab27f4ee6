package dev.fieldlink.agent.cli;

import dev.fieldlink.agent.AgentStatusFile;
import dev.fieldlink.agent.audit.AuditVerifier;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.agent.config.DataSize;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Shows enrolment, switches, the audit buffer (with the quota alarm) and what the running agent last reported.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AgentConfig c = new ConfigLoader().load(config.file);
        var out = spec.commandLine().getOut();
        out.println("Machine:        " + (c.machineId() == null ? "(not enrolled)" : c.machineId()));
        out.println("Relay:          "
                + (c.relay().host() == null
                        ? "(not enrolled)"
                        : c.relay().host() + ":" + c.relay().port()));
        out.println("Pinned key:     "
                + (c.relay().hostKeyFingerprint() == null ? "(none)" : c.relay().hostKeyFingerprint()));
        out.println("Machine key:    " + (Files.exists(c.keyFile()) ? c.keyFile() : "missing (" + c.keyFile() + ")"));
        out.println("Switches:       remoteService=" + c.switches().remoteService() + " fileTransfer="
                + c.switches().fileTransfer() + " dataUpload=" + c.switches().dataUpload());
        AuditVerifier.Report audit =
                new AuditVerifier().verify(c.dataDirectory().resolve("audit"));
        out.println("Audit log:      " + audit.events() + " events, last " + audit.lastSequence() + ", acknowledged "
                + audit.acknowledged() + ", waiting " + (audit.lastSequence() - audit.acknowledged())
                + (audit.ok() ? "" : ", BROKEN: " + audit.problem()));
        var running = AgentStatusFile.read(c.dataDirectory());
        boolean alarm = false;
        if (running.isPresent()) {
            AgentStatusFile s = running.get();
            boolean alive =
                    ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false);
            out.println("Agent:          "
                    + (alive ? "running (pid " + s.pid() + ")" : "not running (last seen " + s.updated() + ")"));
            out.println("Connection:     " + s.connection()
                    + (s.connectionDetail() == null ? "" : " - " + s.connectionDetail()));
            if (s.session() != null) {
                out.println("Session:        " + s.session() + " active");
            }
            if (s.quota() != null) {
                alarm = s.quota().alarm();
                out.println("Audit disk:     " + DataSize.ofBytes(s.quota().usedBytes()) + " of "
                        + DataSize.ofBytes(s.quota().quotaBytes())
                        + (alarm ? "  ALARM: quota reached, events are kept but the relay must take them" : ""));
            }
        } else {
            out.println("Agent:          never started with this data directory");
        }
        return audit.ok() && !alarm ? 0 : 1;
    }
}
