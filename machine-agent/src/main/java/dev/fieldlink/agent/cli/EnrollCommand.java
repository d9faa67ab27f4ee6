package dev.fieldlink.agent.cli;

import dev.fieldlink.agent.enroll.Enroller;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "enroll",
        mixinStandardHelpOptions = true,
        description = {
            "Generates this machine's ed25519 key pair (kept here, mode 0600), registers the public key with the relay's"
                    + " one-time code, and writes the relay's SSH address and host-key fingerprint into the config."
        })
final class EnrollCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(
            names = "--relay",
            required = true,
            paramLabel = "URL",
            description = "The relay's HTTPS address, e.g. https://relay.example.com:8443")
    URI relay;

    @Option(
            names = "--code",
            required = true,
            paramLabel = "CODE",
            description = "The one-time enrolment code from the administrator.")
    String code;

    @Option(names = "--machine-id", required = true, paramLabel = "ID", description = "This machine's id at the relay.")
    String machineId;

    @Option(
            names = "--tls-fingerprint",
            paramLabel = "SHA256:...",
            description = "Trust exactly this relay certificate (for a self-signed relay).")
    String tlsFingerprint;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Enroller.Result r = new Enroller().enroll(config.file, relay, code, machineId, tlsFingerprint);
        var out = spec.commandLine().getOut();
        out.println("Enrolled " + r.relay().machineId()
                + (r.keyGenerated() ? " with a new key " : " with the existing key ") + r.publicKeyFingerprint());
        out.println("Relay SSH endpoint " + r.relay().sshHost() + ":"
                + r.relay().sshPort() + ", host key pinned: " + r.relay().hostKeyFingerprint());
        out.println("Written to " + config.file.toAbsolutePath());
        return 0;
    }
}
