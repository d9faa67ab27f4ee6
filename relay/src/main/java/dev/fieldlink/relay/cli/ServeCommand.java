package dev.fieldlink.relay.cli;

import dev.fieldlink.relay.Relay;
import dev.fieldlink.relay.RunningRelay;
import dev.fieldlink.relay.config.RelaySettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the relay until stopped (SIGTERM, Ctrl-C), printing where it listens and what to pin. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the relay.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        RelaySettings s = config.load();
        RunningRelay relay = Relay.start(s);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            relay.close();
                            stopped.countDown();
                        },
                        "relay-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Fieldlink relay " + Relay.version());
        out.println("  HTTPS API       " + relay.baseUrl());
        out.println("  TLS certificate " + relay.tlsFingerprint());
        out.println("                  " + relay.tlsFingerprintHex());
        out.println("  SSH endpoint    " + s.ssh().advertisedHost() + ":" + relay.sshPort());
        if (s.ssh().advertisedPort() != 0) {
            out.println("  SSH advertised  " + s.ssh().advertisedHost() + ":"
                    + s.ssh().advertisedPort());
        }
        out.println("  SSH host key    " + relay.hostKeyFingerprint());
        out.println("  data            " + s.dataDir());
        out.flush();
        stopped.await();
        return 0;
    }
}
