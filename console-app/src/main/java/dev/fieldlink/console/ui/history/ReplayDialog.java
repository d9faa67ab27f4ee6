package dev.fieldlink.console.ui.history;

import dev.fieldlink.console.relay.CancelToken;
import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.SandboxMark;
import dev.fieldlink.console.ui.UiTasks;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.viewer.recording.ReplayPlayer;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * Replays a session's recording: downloads it (progress, Cancel), opens it off the EDT, then shows the
 * {@link ReplayPlayerPanel}. Closing the dialog cancels what is under way and closes the player. Use on the EDT.
 */
public final class ReplayDialog extends JDialog {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final CardLayout cards = new CardLayout();
    private final JPanel content = new JPanel(cards);
    private final JProgressBar progress = new JProgressBar();
    private final JLabel progressText = new JLabel(" ");
    private final JTextArea error = Forms.error(Forms.message("replayError"));
    private final JPanel player = new JPanel(new BorderLayout(0, 8));
    private final transient Messages messages;
    private final String sessionId;
    private transient CancelToken download;
    private transient CancelToken opening;
    private ReplayPlayerPanel panel;
    private String card = "download";

    public ReplayDialog(
            Window owner,
            HistoryController controller,
            Messages messages,
            SandboxMark mark,
            HistoryEntry session,
            Path directory,
            UiTasks tasks,
            Clock clock,
            ZoneId zone) {
        super(owner, ModalityType.MODELESS);
        this.messages = messages;
        this.sessionId = session.sessionId();
        setTitle(mark.title(messages.get("replay.title", session.machineName())));
        // The window's X must stop the download and the player like Close does (JDialog would only hide).
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        progress.setMaximum(1000);
        progress.setName("replayProgress");

        JPanel loading = new JPanel(new GridBagLayout());
        loading.setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
        Forms.wide(loading, 0, Forms.heading(new JLabel(messages.get("replay.downloading")), "h3"), 0);
        Forms.wide(loading, 1, progress, 12);
        Forms.wide(loading, 2, progressText, 4);
        Forms.wide(loading, 3, error, 8);
        JButton cancel = new JButton(messages.get("action.cancel"));
        cancel.addActionListener(e -> dispose());
        JPanel row = new JPanel(new FlowLayout(FlowLayout.TRAILING, 0, 0));
        row.add(cancel);
        Forms.wide(loading, 4, row, 12);
        content.add(loading, "download");

        player.setName("replayPlayerCard");
        player.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        JLabel heading = Forms.heading(
                new JLabel(messages.get(
                        "replay.heading",
                        session.machineName(),
                        session.technicianName(),
                        session.startedAt() == null
                                ? ""
                                : DAY.format(session.startedAt().atZone(zone)))),
                "h3");
        heading.setBorder(BorderFactory.createEmptyBorder(0, 4, 0, 4));
        player.add(heading, BorderLayout.NORTH);
        JButton close = new JButton(messages.get("action.close"));
        close.setName("replayClose");
        close.addActionListener(e -> dispose());
        JPanel closeRow = new JPanel(new FlowLayout(FlowLayout.TRAILING, 4, 0));
        closeRow.add(close);
        player.add(closeRow, BorderLayout.SOUTH);
        content.add(player, "player");

        setContentPane(mark.wrap(content));
        setSize(980, 680);
        setLocationRelativeTo(owner);

        long expected = session.recordingBytes() == null ? 0 : session.recordingBytes();
        Path target = directory.resolve(session.sessionId() + ".flrec");
        download = controller.download(
                session.sessionId(),
                target,
                bytes -> SwingUtilities.invokeLater(() -> {
                    progress.setValue(expected <= 0 ? 0 : (int) Math.min(1000, bytes * 1000 / expected));
                    progressText.setText(messages.get("replay.bytes", bytes / 1024, expected / 1024));
                }),
                file -> {
                    download = null;
                    progressText.setText(messages.get("replay.opening"));
                    opening = tasks.run(
                            working -> open(file, clock),
                            this::showPlayer,
                            failure -> error.setText(
                                    messages.get("replay.unreadable", String.valueOf(failure.getMessage()))));
                },
                text -> {
                    download = null;
                    error.setText(text);
                });
    }

    private void showPlayer(ReplayPlayer opened) {
        opening = null;
        if (!isDisplayable()) {
            closeQuietly(opened);
            return;
        }
        panel = new ReplayPlayerPanel(messages, opened, sessionId);
        player.add(panel, BorderLayout.CENTER);
        cards.show(content, "player");
        card = "player";
    }

    private static ReplayPlayer open(Path file, Clock clock) {
        try {
            return ReplayPlayer.open(file, clock);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    private static void closeQuietly(ReplayPlayer p) {
        try {
            p.close();
        } catch (java.io.IOException e) {
            // nothing was shown from it
        }
    }

    /** The player, once the recording is open; null before. */
    public ReplayPlayerPanel player() {
        return panel;
    }

    /** {@code download} or {@code player}. */
    public String shownCard() {
        return card;
    }

    @Override
    public void dispose() {
        if (download != null) {
            download.cancel();
        }
        if (opening != null) {
            opening.cancel();
        }
        if (panel != null) {
            panel.close();
            panel = null;
        }
        super.dispose();
    }
}
