package dev.fieldlink.agent.cli;

import dev.fieldlink.agent.Agent;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.agent.debug.DebugRfbListener;
import dev.fieldlink.agent.panel.Messages;
import dev.fieldlink.agent.panel.OperatorPanel;
import dev.fieldlink.agent.panel.PanelController;
import dev.fieldlink.agent.panel.PanelTheme;
import dev.fieldlink.agent.session.SimulatedOperator;
import dev.fieldlink.agent.switches.AdminPin;
import dev.fieldlink.auth.password.PasswordHasher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.swing.SwingUtilities;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs the agent: the operator panel and, unless every customer switch is off, the outbound"
                + " connection to the relay. Stops on SIGTERM or Ctrl+C.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--headless", description = "No operator panel. Nobody can consent, so every request lapses.")
    boolean headless;

    @Option(
            names = "--debug-rfb-listen",
            paramLabel = "127.0.0.1:PORT",
            description = "Also serve the screen to local VNC clients on this loopback address (off by default).")
    String debugListen;

    @Option(
            names = "--operator-name",
            paramLabel = "NAME",
            defaultValue = "operator",
            description = "How consent answers are signed in the audit log (default: ${DEFAULT-VALUE}).")
    String operatorName;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        InetSocketAddress debug = null;
        if (debugListen != null) {
            try {
                debug = DebugRfbListener.parseLoopback(debugListen);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        AgentConfig c = new ConfigLoader().load(config.file);
        if (c.machineId() == null) {
            throw new IllegalStateException(config.file + " has no machineId: run fieldlink-agent enroll first");
        }
        Clock clock = Clock.systemUTC();
        Agent.Builder builder = Agent.builder(c).clock(clock).configFile(config.file);
        PanelController controller = null;
        if (headless) {
            builder.operator(new SimulatedOperator(operatorName, SimulatedOperator.neverAnswer()));
        } else {
            AdminPin pin = new AdminPin(c.panel().adminPinHash(), new PasswordHasher(), clock);
            controller = new PanelController(pin, clock, Executors.newSingleThreadExecutor(), operatorName);
            builder.operator(controller);
        }
        Agent agent = builder.build();
        DebugRfbListener listener = debug == null ? null : DebugRfbListener.start(debug, agent.screenService());
        if (controller != null) {
            PanelController attached = controller;
            attached.attach(agent);
            SwingUtilities.invokeAndWait(() -> {
                PanelTheme.install(c.panel().theme());
                new OperatorPanel(
                                agent,
                                attached,
                                new Messages(c.panel().language().locale()),
                                ZoneId.systemDefault())
                        .show();
            });
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                if (listener != null) {
                                    listener.close();
                                }
                            } catch (IOException e) {
                                // stopping anyway
                            }
                            agent.close();
                            stopped.countDown();
                        },
                        "fieldlink-agent-stop"));
        agent.start();
        spec.commandLine()
                .getOut()
                .println("Agent " + c.machineId() + " running"
                        + (listener == null ? "" : "; debug RFB listener on 127.0.0.1:" + listener.port()));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
