package dev.fieldlink.sandbox;

import com.formdev.flatlaf.FlatLaf;
import dev.fieldlink.agent.config.PanelSettings;
import dev.fieldlink.agent.panel.Messages;
import dev.fieldlink.agent.panel.OperatorPanel;
import dev.fieldlink.agent.panel.PanelController;
import dev.fieldlink.agent.panel.PanelTheme;
import dev.fieldlink.agent.switches.AdminPin;
import dev.fieldlink.auth.password.PasswordHasher;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.LookAndFeel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * The real operator panels a trainee opened, at most one per machine, every window marked {@link SandboxAgent#MARK}.
 * Thread-safe; windows are built and disposed on the EDT.
 */
final class OperatorPanels implements AutoCloseable {
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fieldlink-sandbox-panel");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, OperatorPanel> open = new LinkedHashMap<>();
    private boolean themeInstalled;

    OperatorPanels(Clock clock) {
        this.clock = clock;
    }

    /**
     * Switches the machine from its simulated operator to the real panel, which from then on answers its requests.
     * Opening a machine's panel again does nothing.
     *
     * @throws IllegalStateException when there is no display
     */
    synchronized void open(SandboxAgent machine) {
        String id = machine.entry.machine().id();
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("The operator panel of " + id
                    + " needs a display, but this sandbox runs headless (no DISPLAY, or java.awt.headless=true)");
        }
        if (open.containsKey(id)) {
            return;
        }
        // No PIN: the customer's switches stay as the sandbox set them.
        AdminPin noPin = new AdminPin(null, new PasswordHasher(), clock);
        PanelController controller = new PanelController(noPin, clock, background, machine.entry.operator());
        controller.attach(machine.agent);
        OperatorPanel panel = onEdt(() -> {
            installTheme();
            OperatorPanel p = new OperatorPanel(
                    machine.agent, controller, new Messages(Locale.getDefault()), ZoneId.systemDefault());
            p.markSandbox(SandboxAgent.MARK);
            p.show();
            return p;
        });
        open.put(id, panel);
        machine.operator.switchTo(controller);
    }

    synchronized boolean isOpen(String machineId) {
        return open.containsKey(machineId);
    }

    /** Keeps the host application's FlatLaf light or dark look (the console's), adding the panel's colour keys. */
    private void installTheme() {
        if (themeInstalled) {
            return;
        }
        LookAndFeel laf = UIManager.getLookAndFeel();
        boolean flat = laf instanceof FlatLaf;
        PanelTheme.install(flat && ((FlatLaf) laf).isDark() ? PanelSettings.Theme.DARK : PanelSettings.Theme.LIGHT);
        if (flat) {
            FlatLaf.updateUI();
        }
        themeInstalled = true;
    }

    @Override
    public synchronized void close() {
        List<OperatorPanel> panels = new ArrayList<>(open.values());
        open.clear();
        if (!panels.isEmpty()) {
            onEdt(() -> {
                panels.forEach(OperatorPanel::dispose);
                return null;
            });
        }
        background.shutdownNow();
    }

    private interface EdtTask<T> {
        T run();
    }

    private static <T> T onEdt(EdtTask<T> task) {
        if (SwingUtilities.isEventDispatchThread()) {
            return task.run();
        }
        List<T> result = new ArrayList<>(1);
        try {
            SwingUtilities.invokeAndWait(() -> result.add(task.run()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the operator panel", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the operator panel failed: " + cause, cause);
        }
        return result.get(0);
    }
}
