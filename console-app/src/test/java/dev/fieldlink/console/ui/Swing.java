package dev.fieldlink.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.swing.JRootPane;
import javax.swing.RootPaneContainer;
import javax.swing.SwingUtilities;

/** Test helpers for Swing under Xvfb: run on the EDT, poll with a deadline, find by name, screenshot. */
public final class Swing {
    private Swing() {}

    public static <T> T onEdt(Callable<T> action) {
        if (SwingUtilities.isEventDispatchThread()) {
            try {
                return action.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(action.call());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    public static void run(Runnable action) {
        onEdt(() -> {
            action.run();
            return null;
        });
    }

    /** Polls {@code condition} on the EDT every 20 ms until it holds or 15 s pass. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (onEdt(condition::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(onEdt(condition::getAsBoolean)).as(what).isTrue();
    }

    /** The first visible component named {@code name} under {@code root} (call on the EDT). */
    @SuppressWarnings("unchecked")
    public static <C extends Component> C find(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName()) && child.isShowing()) {
                return (C) child;
            }
            if (child instanceof Container container) {
                C found = find(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The text of the text component, label or button named {@code name}, or "" when there is none (call on the EDT). */
    public static String text(Container root, String name) {
        Component c = find(root, name);
        if (c == null) {
            c = findAny(root, name);
        }
        if (c instanceof javax.swing.JLabel l) {
            return l.getText();
        }
        if (c instanceof javax.swing.AbstractButton b) {
            return b.getText();
        }
        return c instanceof javax.swing.text.JTextComponent t ? t.getText() : "";
    }

    private static Component findAny(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof Container container) {
                Component found = findAny(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A window of type {@code type} that is showing, or null (call on the EDT). */
    public static <W extends Window> W window(Class<W> type) {
        for (Window w : Window.getWindows()) {
            if (type.isInstance(w) && w.isShowing()) {
                return type.cast(w);
            }
        }
        return null;
    }

    /** Paints a window's content into {@code target/screenshots/NAME.png} and returns the file. */
    public static Path screenshot(Window window, String name) {
        Path dir = Path.of("target", "screenshots");
        BufferedImage image = onEdt(() -> {
            JRootPane root = ((RootPaneContainer) window).getRootPane();
            root.validate();
            BufferedImage img = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            root.printAll(g);
            g.dispose();
            return img;
        });
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
