package dev.fieldlink.console.cli;

import picocli.CommandLine.Command;

@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = "Run the training sandbox headless; print its URL, fingerprints and accounts as JSON.")
final class SandboxCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalStateException("the sandbox is not available in this build yet: it needs the relay and"
                + " machine agent, which have not landed");
    }
}
