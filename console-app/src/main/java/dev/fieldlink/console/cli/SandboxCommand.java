package dev.fieldlink.console.cli;

import dev.fieldlink.sandbox.RunningSandbox;
import dev.fieldlink.sandbox.Sandbox;
import dev.fieldlink.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fieldlink sandbox}: the training sandbox without a display. Prints one JSON object (relay URL, TLS and SSH
 * fingerprints, the accounts with their passwords and TOTP secrets, the fleet) on one line once the fleet is ready,
 * then keeps running until interrupted (Ctrl-C or SIGTERM), when it stops the agents and the relay.
 */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {
            "Run the training sandbox headless: a relay on loopback and a simulated fleet in this process.",
            "Prints one JSON object with the relay URL, fingerprints and accounts, then runs until interrupted."
        })
final class SandboxCommand implements Runnable {
    @ParentCommand
    Fieldlink root;

    @Override
    public void run() {
        RunningSandbox sandbox = Sandbox.start(SandboxOptions.defaults().withClock(root.clock));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sandbox.close();
                            stopped.countDown();
                        },
                        "sandbox-shutdown"));
        PrintWriter out = root.out();
        out.println(sandbox.describeJson());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sandbox.close();
        }
    }
}
