package dev.fieldlink.agent.screen.simulated;

import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.screen.ImageScreen;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The simulated machine panel as an {@link dev.fieldlink.agent.screen.AgentScreen}. It repaints when {@link
 * #refresh} is called (the agent calls it once a second, tests call it after moving their clock) and after every
 * click on one of its controls. A click is a left-button press and release on the same control.
 *
 * <p>Thread-safe.
 */
public final class SimulatedHmi extends ImageScreen {
    private final Object lock = new Object();
    private final HmiModel model;
    private final HmiRenderer renderer = new HmiRenderer();
    private List<Control> controls = List.of();
    private Control pressed;
    private int lastMask;

    public SimulatedHmi(ScreenSettings.Simulated settings, Clock clock) {
        super(settings.width(), settings.height());
        this.model = new HmiModel(MachineProfile.of(settings.model()), settings.machineName(), clock);
        refresh();
    }

    /** Advances the simulation to the clock's now and repaints; reports changed tiles. */
    public List<Rectangle> refresh() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        synchronized (lock) {
            model.advance();
            controls = renderer.render(model, image);
        }
        return publish(image);
    }

    @Override
    public void pointer(int x, int y, int buttonMask) {
        Runnable action = null;
        synchronized (lock) {
            boolean wasDown = (lastMask & 1) != 0;
            boolean isDown = (buttonMask & 1) != 0;
            lastMask = buttonMask;
            if (!wasDown && isDown) {
                pressed = find(x, y).orElse(null);
            } else if (wasDown && !isDown) {
                Control released = find(x, y).orElse(null);
                if (released != null && pressed != null && released.label().equals(pressed.label())) {
                    action = released.action();
                }
                pressed = null;
            }
            if (action != null) {
                action.run();
            }
        }
        if (action != null) {
            refresh();
        }
    }

    @Override
    public void key(int keysym, boolean down) {
        // The simulated panel is operated by touch; key strokes reach the action feed and audit, not the machine.
    }

    @Override
    public void cutText(String text) {
        // As for keys: recorded by the mirror, no effect on the simulated machine.
    }

    @Override
    public Optional<String> controlAt(int x, int y) {
        synchronized (lock) {
            return find(x, y).map(Control::label);
        }
    }

    private Optional<Control> find(int x, int y) {
        int lx = (int) ((long) x * HmiRenderer.LOGICAL_WIDTH / width());
        int ly = (int) ((long) y * HmiRenderer.LOGICAL_HEIGHT / height());
        return controls.stream().filter(c -> c.bounds().contains(lx, ly)).findFirst();
    }

    /** Where the control named {@code label} is on screen (its centre), for tests and the sandbox's scripts. */
    public Optional<Point> locate(String label) {
        synchronized (lock) {
            return controls.stream()
                    .filter(c -> c.label().equals(label))
                    .findFirst()
                    .map(c -> {
                        Rectangle b = c.bounds();
                        return new Point((int) ((b.getCenterX()) * width() / HmiRenderer.LOGICAL_WIDTH), (int)
                                ((b.getCenterY()) * height() / HmiRenderer.LOGICAL_HEIGHT));
                    });
        }
    }

    /** Draws {@code text} (e.g. {@code SANDBOX}) in the HMI's header from now on; null removes it. */
    public void setMark(String text) {
        synchronized (lock) {
            model.setMark(text);
        }
        refresh();
    }

    /** The faults this machine model can have. */
    public List<Fault> faults() {
        return model.profile().faults();
    }

    /**
     * Injects the fault with {@code code} (e.g. {@code E-214}) and repaints.
     *
     * @throws IllegalArgumentException naming the known codes
     */
    public void injectFault(String code) {
        synchronized (lock) {
            model.inject(fault(code));
        }
        refresh();
    }

    /** Removes the cause of the fault with {@code code}; its alarm stays until acknowledged. */
    public void clearFault(String code) {
        synchronized (lock) {
            model.clear(fault(code));
        }
        refresh();
    }

    /** The page shown now. */
    public HmiModel.Page page() {
        synchronized (lock) {
            return model.page();
        }
    }

    /** The production state now. */
    public HmiModel.State state() {
        synchronized (lock) {
            return model.state();
        }
    }

    private Fault fault(String code) {
        return model.profile().faults().stream()
                .filter(f -> f.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault " + code + "; known: "
                        + model.profile().faults().stream().map(Fault::code).toList()));
    }

    @Override
    public void close() {
        // Nothing to release: repainting is driven from outside.
    }
}
