package dev.fieldlink.console.ui.session;

import com.formdev.flatlaf.FlatClientProperties;
import dev.fieldlink.console.ui.ErrorTexts;
import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.SandboxMark;
import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.api.MachineView;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * The session window: the machine's screen, remaining time, End, extension request, chat with the operator,
 * connection figures, and a clear notice when the session ends and why. Lays out; {@link SessionController}
 * decides. Use on the EDT.
 */
public final class SessionWindow extends JFrame {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final transient SessionController controller;
    private final transient Messages messages;
    private final transient ScreenArea screen;
    private final JLabel remaining = Forms.heading(new JLabel(), "h2");
    private final JButton end;
    private final JButton extend;
    private final JComboBox<Integer> extendMinutes = new JComboBox<>(new Integer[] {10, 15, 30});
    private final JTextArea transcript = new JTextArea(12, 26);
    private final JTextField chatInput = new JTextField();
    private final JButton chatSend;
    private final JLabel notice = new JLabel(" ");
    private final JLabel latency = new JLabel("–");
    private final JLabel frames = new JLabel("–");
    private final JLabel bitrate = new JLabel("–");
    private final CardLayout screenCards = new CardLayout();
    private final JPanel screenHolder = new JPanel(screenCards);
    private final JLabel endTitle = Forms.heading(new JLabel(), "h1");
    private final JTextArea endText = Forms.message("endText");
    private final Timer ticker;
    private final ZoneId zone;
    private int chatShown;
    private String reportedLost;
    private boolean ended;
    private boolean closing;

    public SessionWindow(
            SessionController controller, Messages messages, SandboxMark mark, ScreenArea screen, ZoneId zone) {
        this.controller = controller;
        this.messages = messages;
        this.screen = screen;
        this.zone = zone;
        MachineView machine = controller.state().machine();
        setTitle(mark.title(messages.get("session.title", machine.name())));
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                closeEnding();
            }
        });

        JPanel header = new JPanel(new BorderLayout(12, 0));
        header.setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
        JPanel who = new JPanel();
        who.setLayout(new BoxLayout(who, BoxLayout.PAGE_AXIS));
        who.add(Forms.heading(new JLabel(machine.name()), "h3"));
        who.add(Forms.muted(
                new JLabel(messages.get("request.machineLine", machine.customer(), machine.site(), machine.model()))));
        header.add(who, BorderLayout.WEST);
        remaining.setName("remaining");
        JPanel time = new JPanel(new FlowLayout(FlowLayout.CENTER, 8, 0));
        time.add(Forms.muted(new JLabel(messages.get("session.remaining"))));
        time.add(remaining);
        header.add(time, BorderLayout.CENTER);
        extend = new JButton(messages.get("session.extend"));
        extend.setName("extend");
        extend.addActionListener(e -> controller.extend((Integer) extendMinutes.getSelectedItem()));
        extendMinutes.setName("extendMinutes");
        extendMinutes.setRenderer(new javax.swing.DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Component getListCellRendererComponent(
                    javax.swing.JList<?> list, Object value, int index, boolean selected, boolean focus) {
                return super.getListCellRendererComponent(
                        list, messages.get("duration.minutes", value), index, selected, focus);
            }
        });
        end = new JButton(messages.get("session.end"));
        end.setName("end");
        end.putClientProperty(FlatClientProperties.STYLE, "background: $Actions.Red; foreground: #ffffff; font: bold");
        end.addActionListener(e -> controller.end());
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
        actions.add(extendMinutes);
        actions.add(extend);
        actions.add(Box.createHorizontalStrut(12));
        actions.add(end);
        header.add(actions, BorderLayout.EAST);

        JToggleButton fit = new JToggleButton(messages.get("session.fit"), true);
        fit.setName("fit");
        fit.addActionListener(e -> {
            screen.setFitToWindow(fit.isSelected());
            fit.setText(messages.get(fit.isSelected() ? "session.fit" : "session.actualSize"));
        });
        JCheckBox viewOnly = new JCheckBox(messages.get("session.viewOnly"));
        viewOnly.setName("viewOnly");
        viewOnly.addActionListener(e -> screen.setViewOnly(viewOnly.isSelected()));
        JCheckBox photos = new JCheckBox(messages.get("session.compressPhotos"));
        photos.setName("compressPhotos");
        photos.setToolTipText(messages.get("session.compressPhotos.tip"));
        photos.addActionListener(e -> screen.setCompressPhotos(photos.isSelected()));
        JPanel screenTools = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 4));
        screenTools.add(fit);
        screenTools.add(viewOnly);
        screenTools.add(photos);

        screenHolder.add(screen.component(), "screen");
        JPanel endPanel = new JPanel(new GridBagLayout());
        endPanel.setName("endNotice");
        JPanel endBox = new JPanel(new BorderLayout(0, 8));
        endText.setColumns(32);
        endBox.add(endTitle, BorderLayout.NORTH);
        endBox.add(endText, BorderLayout.CENTER);
        JButton close = new JButton(messages.get("action.close"));
        close.setName("closeSession");
        close.addActionListener(e -> dispose());
        JPanel closeRow = new JPanel(new FlowLayout(FlowLayout.TRAILING, 0, 0));
        closeRow.add(close);
        endBox.add(closeRow, BorderLayout.SOUTH);
        endPanel.add(endBox);
        screenHolder.add(endPanel, "ended");
        JPanel left = new JPanel(new BorderLayout());
        left.add(screenTools, BorderLayout.NORTH);
        left.add(screenHolder, BorderLayout.CENTER);

        transcript.setName("transcript");
        transcript.setEditable(false);
        transcript.setLineWrap(true);
        transcript.setWrapStyleWord(true);
        chatInput.setName("chatInput");
        chatInput.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("session.chat.hint"));
        chatSend = new JButton(messages.get("session.chat.send"));
        chatSend.setName("chatSend");
        chatSend.addActionListener(e -> sendChat());
        chatInput.addActionListener(e -> sendChat());
        JPanel chat = new JPanel(new BorderLayout(0, 6));
        chat.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        chat.add(Forms.heading(new JLabel(messages.get("session.chat.title")), "h3"), BorderLayout.NORTH);
        chat.add(new JScrollPane(transcript), BorderLayout.CENTER);
        JPanel input = new JPanel(new BorderLayout(6, 0));
        input.add(chatInput, BorderLayout.CENTER);
        input.add(chatSend, BorderLayout.EAST);
        JPanel figures = new JPanel(new GridLayout(3, 2, 8, 2));
        figures.setName("figures");
        latency.setName("latency");
        frames.setName("framesPerSecond");
        bitrate.setName("bitrate");
        figures.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createTitledBorder(messages.get("session.figures")),
                BorderFactory.createEmptyBorder(4, 6, 4, 6)));
        figures.add(Forms.muted(new JLabel(messages.get("session.latency"))));
        figures.add(latency);
        figures.add(Forms.muted(new JLabel(messages.get("session.framesPerSecond"))));
        figures.add(frames);
        figures.add(Forms.muted(new JLabel(messages.get("session.bitrate"))));
        figures.add(bitrate);
        JPanel south = new JPanel(new BorderLayout(0, 8));
        south.add(input, BorderLayout.NORTH);
        south.add(figures, BorderLayout.SOUTH);
        chat.add(south, BorderLayout.SOUTH);

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, chat);
        split.setResizeWeight(1.0);
        notice.setName("notice");
        notice.setBorder(BorderFactory.createEmptyBorder(4, 12, 6, 12));
        JPanel root = new JPanel(new BorderLayout());
        root.add(header, BorderLayout.NORTH);
        root.add(split, BorderLayout.CENTER);
        root.add(notice, BorderLayout.SOUTH);
        setContentPane(mark.wrap(root));
        setPreferredSize(new Dimension(1180, 760));
        pack();
        split.setDividerLocation(0.72);

        ticker = new Timer(1000, e -> {
            controller.tick();
            reportScreenLost();
        });
        ticker.start();
        controller.setListener(this::show);
    }

    /**
     * Ends the session and closes the window; when ending fails (the relay is unreachable, the sign-in expired), the
     * window still closes and a separate note says the session may still be open on the relay.
     */
    private void closeEnding() {
        if (closing) {
            return;
        }
        closing = true;
        screen.setViewOnly(true);
        controller.endForClose(failure -> {
            dispose();
            if (failure != null) {
                JOptionPane note =
                        new JOptionPane(messages.get("session.closeEndFailed", failure), JOptionPane.WARNING_MESSAGE);
                JDialog dialog = note.createDialog(getOwner(), getTitle());
                dialog.setName("closeEndFailed");
                dialog.setModal(false);
                dialog.setVisible(true);
            }
        });
    }

    /** Tells the controller once per loss of the screen connection (the area may reconnect). */
    private void reportScreenLost() {
        String why = screen.lost().orElse(null);
        if (why != null && !why.equals(reportedLost)) {
            controller.screenLost(why);
        }
        reportedLost = why;
    }

    private void sendChat() {
        controller.send(chatInput.getText());
        chatInput.setText("");
    }

    private void show(SessionController.State state) {
        remaining.setText(ErrorTexts.clock(controller.remaining()));
        for (int i = chatShown; i < state.chat().size(); i++) {
            ChatLine line = state.chat().get(i);
            String who = ChatLine.FROM_OPERATOR.equals(line.from())
                    ? messages.get("session.chat.operator", line.author() == null ? "" : line.author())
                    : messages.get("session.chat.you");
            String at = line.at() == null ? "" : TIME.format(line.at().atZone(zone)) + "  ";
            transcript.append(at + who + ": " + line.text() + "\n");
        }
        chatShown = state.chat().size();
        ScreenArea.Figures f = screen.figures();
        latency.setText(
                f.latency() == null
                        ? "–"
                        : messages.get("session.ms", f.latency().toMillis()));
        frames.setText(
                f.framesPerSecond() == null ? "–" : String.format(messages.locale(), "%.1f", f.framesPerSecond()));
        bitrate.setText(
                f.kilobitsPerSecond() == null ? "–" : messages.get("session.kbits", Math.round(f.kilobitsPerSecond())));
        boolean active = state.stage() == SessionController.Stage.ACTIVE;
        end.setEnabled(active && !state.busy());
        extend.setEnabled(active && !state.busy());
        extendMinutes.setEnabled(active);
        chatSend.setEnabled(active);
        chatInput.setEnabled(active);
        String note = state.notice();
        if (note == null && active && screen.lost().isPresent()) {
            note = messages.get("session.screenLost", screen.lost().get());
        }
        if (note == null && active && !state.eventsConnected()) {
            note = messages.get("session.eventsReconnecting");
        }
        notice.setText(note == null ? " " : note);
        if (controller.isOver() && !ended) {
            ended = true;
            ticker.stop();
            screen.close();
            endTitle.setText(messages.get("session.endedTitle"));
            endText.setText(state.outcome());
            screenCards.show(screenHolder, "ended");
            remaining.setText("0:00");
        }
    }

    /** True once the end notice shows. */
    public boolean showsEndNotice() {
        return ended;
    }

    @Override
    public void dispose() {
        ticker.stop();
        screen.close();
        controller.close();
        super.dispose();
    }
}
