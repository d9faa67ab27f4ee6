package dev.fieldlink.console.ui.history;

import com.formdev.flatlaf.FlatClientProperties;
import dev.fieldlink.console.ui.ErrorTexts;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.viewer.recording.ReplayPlayer;
import dev.fieldlink.viewer.rfb.RemoteScreenListener;
import dev.fieldlink.viewer.swing.RemoteScreenView;
import dev.fieldlink.viewer.swing.ScaleMode;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a downloaded recording: the picture (session-viewer's {@link RemoteScreenView} over a {@link ReplayPlayer}),
 * play/pause, speed 1x-16x, a position slider, position and duration, and export of the shown frame as PNG. Every
 * call into the player (decoding, seeking, writing the PNG) runs on this panel's own decoder thread, never the EDT;
 * the player's events update the controls on the EDT. Use on the EDT; {@link #close()} when the dialog closes.
 */
public final class ReplayPlayerPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReplayPlayerPanel.class);
    private static final Integer[] SPEEDS = {1, 2, 4, 8, 16};

    private final transient ReplayPlayer player;
    private final transient Messages messages;
    private final transient ExecutorService decoder;
    private final transient AtomicLong seekTarget = new AtomicLong(-1);
    private final transient AtomicBoolean refreshQueued = new AtomicBoolean();
    private final long durationMillis;
    private final JButton play;
    private final JComboBox<Integer> speed = new JComboBox<>(SPEEDS);
    private final JSlider slider;
    private final JLabel time = new JLabel();
    private final JLabel status = new JLabel(" ");
    private final String sessionId;
    private volatile long shownMillis;
    private volatile boolean playing;
    private volatile String decodeError;
    private boolean settingSlider;

    /** @param player an open player; this panel owns it from now on and closes it in {@link #close()} */
    public ReplayPlayerPanel(Messages messages, ReplayPlayer player, String sessionId) {
        super(new BorderLayout(0, 8));
        this.messages = messages;
        this.player = player;
        this.sessionId = sessionId;
        this.durationMillis = player.duration().toMillis();
        this.decoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "replay-decoder");
            t.setDaemon(true);
            return t;
        });
        setName("replayPlayer");

        RemoteScreenView view = new RemoteScreenView(player, null);
        view.setName("replayScreen");
        view.setScaleMode(ScaleMode.FIT);
        JPanel screen = new JPanel(new BorderLayout());
        screen.putClientProperty(FlatClientProperties.STYLE, "background: $Desktop.background");
        screen.add(view);
        add(screen, BorderLayout.CENTER);

        play = new JButton(messages.get("replay.play"));
        play.setName("replayPlay");
        play.addActionListener(e -> togglePlay());
        speed.setName("replaySpeed");
        speed.setToolTipText(messages.get("replay.speed"));
        speed.setRenderer(new javax.swing.DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Component getListCellRendererComponent(
                    javax.swing.JList<?> list, Object value, int index, boolean selected, boolean focus) {
                return super.getListCellRendererComponent(
                        list, messages.get("replay.speedValue", value), index, selected, focus);
            }
        });
        speed.addActionListener(e -> setSpeed((Integer) speed.getSelectedItem()));
        slider = new JSlider(0, (int) Math.min(Integer.MAX_VALUE, durationMillis), 0);
        slider.setName("replaySlider");
        slider.addChangeListener(e -> {
            if (!settingSlider) {
                seek(Duration.ofMillis(slider.getValue()));
            }
        });
        time.setName("replayTime");
        JButton export = new JButton(messages.get("replay.export"));
        export.setName("replayExport");
        export.addActionListener(e -> chooseExportFile());

        JPanel controls = new JPanel(new BorderLayout(8, 0));
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 0));
        left.add(play);
        left.add(speed);
        controls.add(left, BorderLayout.WEST);
        controls.add(slider, BorderLayout.CENTER);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
        right.add(time);
        right.add(export);
        controls.add(right, BorderLayout.EAST);
        status.setName("replayStatus");
        JPanel south = new JPanel(new BorderLayout(0, 4));
        south.setBorder(BorderFactory.createEmptyBorder(0, 4, 0, 4));
        south.add(controls, BorderLayout.NORTH);
        south.add(status, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);

        player.addScreenListener(new RemoteScreenListener() {
            @Override
            public void updateCompleted() {
                // Called on the thread that seeks or ticks, holding the player's lock: read what the controls show.
                shownMillis = player.position().toMillis();
                playing = player.playing();
                if (player.error() != null && decodeError == null) {
                    decodeError = messages.get("replay.failed", player.error().getMessage());
                }
                if (refreshQueued.compareAndSet(false, true)) {
                    SwingUtilities.invokeLater(ReplayPlayerPanel.this::refresh);
                }
            }
        });
        refresh();
        seek(Duration.ZERO);
    }

    private void refresh() {
        refreshQueued.set(false);
        settingSlider = true;
        try {
            slider.setValue((int) Math.min(Integer.MAX_VALUE, shownMillis));
        } finally {
            settingSlider = false;
        }
        time.setText(messages.get(
                "replay.position",
                ErrorTexts.clock(Duration.ofMillis(shownMillis)),
                ErrorTexts.clock(Duration.ofMillis(durationMillis))));
        play.setText(messages.get(playing ? "replay.pause" : "replay.play"));
        if (decodeError != null && status.getText().isBlank()) {
            status.setText(decodeError); // frames after a decoding error repeat the last good picture
        }
    }

    private void togglePlay() {
        boolean start = !playing;
        playing = start;
        play.setText(messages.get(start ? "replay.pause" : "replay.play"));
        onDecoder(() -> {
            if (start) {
                player.play();
            } else {
                player.pause();
            }
            playing = player.playing();
            SwingUtilities.invokeLater(this::refresh);
        });
    }

    private void setSpeed(int times) {
        onDecoder(() -> player.setSpeed(times));
    }

    /** Shows the recording at {@code t}; requests made faster than decoding are coalesced to the newest. */
    public void seek(Duration t) {
        if (seekTarget.getAndSet(t.toMillis()) >= 0) {
            return; // a seek is queued and will take the newest target
        }
        onDecoder(() -> {
            long target = seekTarget.getAndSet(-1);
            boolean was = player.playing();
            player.pause();
            player.seek(Duration.ofMillis(target));
            if (was) {
                player.play();
            }
        });
    }

    private void chooseExportFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileFilter(new FileNameExtensionFilter(messages.get("replay.pngFiles"), "png"));
        long s = shownMillis / 1000;
        chooser.setSelectedFile(new java.io.File(String.format(Locale.ROOT, "%s-%05ds.png", sessionId, s)));
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            Path file = chooser.getSelectedFile().toPath();
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                file = file.resolveSibling(file.getFileName() + ".png");
            }
            exportTo(file);
        }
    }

    /** Writes the frame shown now as PNG to {@code file} (off the EDT) and says so in the status line. */
    public void exportTo(Path file) {
        status.setText(messages.get("replay.exporting", file.getFileName()));
        onDecoder(() -> {
            ImageIO.write(player.image(), "png", file.toFile());
            SwingUtilities.invokeLater(() -> status.setText(messages.get("replay.exported", file.toString())));
        });
    }

    /** The position shown, in milliseconds. */
    public long shownMillis() {
        return shownMillis;
    }

    /** True while playing. */
    public boolean isPlaying() {
        return playing;
    }

    /** The status line (export results, errors). */
    public String status() {
        return status.getText();
    }

    private interface PlayerWork {
        void run() throws IOException;
    }

    private void onDecoder(PlayerWork work) {
        try {
            decoder.execute(() -> {
                try {
                    work.run();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Replay failed: {}", e.toString());
                    String text = messages.get("replay.failed", String.valueOf(e.getMessage()));
                    SwingUtilities.invokeLater(() -> status.setText(text));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: nothing more to do
        }
    }

    /** Stops playing and closes the player on the decoder thread. */
    public void close() {
        onDecoder(player::close);
        decoder.shutdown();
    }
}
