package dev.fieldlink.console.ui.main;

import com.formdev.flatlaf.FlatClientProperties;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.Theme;
import dev.fieldlink.console.ui.history.HistoryController;
import dev.fieldlink.console.ui.history.HistoryPanel;
import dev.fieldlink.console.ui.history.ReplayDialog;
import dev.fieldlink.console.ui.login.LoginController;
import dev.fieldlink.console.ui.login.LoginPanel;
import dev.fieldlink.console.ui.login.SignedIn;
import dev.fieldlink.console.ui.machines.MachineListController;
import dev.fieldlink.console.ui.machines.MachineListPanel;
import dev.fieldlink.console.ui.session.RequestDialog;
import dev.fieldlink.console.ui.session.SessionController;
import dev.fieldlink.console.ui.session.SessionWindow;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.protocol.api.MachineView;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The main window: the sign-in form, then the workspace. Lays out; the controllers decide. Use on the EDT. */
public final class MainFrame extends JFrame {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MainFrame.class);

    private final transient ConsoleContext context;
    private final transient Messages messages;
    private transient SignedIn signedIn;
    private transient LoginController login;
    private MachineListPanel machines;
    private HistoryPanel history;
    private JTabbedPane tabs;
    /** Request dialogs and session windows of this sign-in: signing out ends and closes them. */
    private final transient List<SessionControllerWindow> sessionWindows = new ArrayList<>();
    /** The replay dialog open per session: opening a replay again brings it to the front. */
    private final transient Map<String, ReplayDialog> replays = new HashMap<>();

    public MainFrame(ConsoleContext context) {
        this.context = context;
        this.messages = context.messages();
        setTitle(context.mark().title(messages.get("app.title")));
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        setMinimumSize(new Dimension(900, 600));
        setSize(new Dimension(1200, 760));
        showLogin();
        setLocationRelativeTo(null);
    }

    /** Shows the sign-in form. */
    public void showLogin() {
        signedIn = null;
        ConsoleContext.LoginDefaults d = context.defaults();
        login = new LoginController(context.tasks(), messages, context.clients(), this::showWorkspace);
        LoginPanel panel = new LoginPanel(
                login, messages, d.relay(), d.pin(), d.username(), d.trainees(), d.fixedRelay(), context.clock());
        panel.setName("loginPanel");
        setContent(panel);
    }

    /** Shows the workspace for a signed-in person. */
    public void showWorkspace(SignedIn who) {
        this.signedIn = who;
        var me = who.me();
        ConsoleContext.LoginDefaults remembered = new ConsoleContext.LoginDefaults(
                who.client().address().display(),
                context.defaults().pin(),
                me.username(),
                context.defaults().trainees(),
                context.defaults().fixedRelay());
        // Saving the settings writes and syncs a file: never on the EDT.
        context.tasks()
                .run(
                        cancel -> {
                            context.onSignIn().accept(remembered);
                            return Boolean.TRUE;
                        },
                        ok -> {},
                        failure -> {});

        JPanel header = new JPanel(new BorderLayout());
        header.setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
        JPanel whoBox = new JPanel(new FlowLayout(FlowLayout.LEADING, 8, 0));
        whoBox.add(Forms.heading(new JLabel("Fieldlink"), "h3"));
        JLabel user = new JLabel(messages.get(
                "main.user",
                me.displayName(),
                me.company() == null ? "" : me.company(),
                me.roles().stream()
                        .map(r -> messages.get("role." + r.name()))
                        .sorted()
                        .collect(Collectors.joining(", ")),
                who.client().address().display()));
        user.setName("user");
        whoBox.add(Forms.muted(user));
        header.add(whoBox, BorderLayout.WEST);
        JToggleButton dark = new JToggleButton(messages.get("main.dark"), Theme.current() == Theme.DARK);
        dark.setName("darkTheme");
        dark.addActionListener(e -> (dark.isSelected() ? Theme.DARK : Theme.LIGHT).apply());
        JButton signOut = new JButton(messages.get("main.signOut"));
        signOut.setName("signOut");
        signOut.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        signOut.addActionListener(e -> signOut());
        JPanel right = new JPanel(new FlowLayout(FlowLayout.TRAILING, 8, 0));
        right.add(dark);
        right.add(signOut);
        header.add(right, BorderLayout.EAST);

        tabs = new JTabbedPane();
        tabs.setName("tabs");
        machines = null;
        history = null;
        if (me.roles().contains(Role.TECHNICIAN) || !who.isTeamLead()) {
            MachineListController list = new MachineListController(
                    who.client(), context.tasks(), messages, context.clock(), context.machinePoll());
            machines = new MachineListPanel(list, messages, context.clock(), this::request);
            tabs.addTab(messages.get("machines.tab"), machines);
        }
        if (who.isTeamLead()) {
            HistoryController historyController = new HistoryController(who.client(), context.tasks(), messages);
            history = new HistoryPanel(
                    historyController, messages, context.clock().getZone(), entry -> replay(historyController, entry));
            tabs.addTab(messages.get("history.tab"), history);
        }
        JPanel workspace = new JPanel(new BorderLayout());
        workspace.setName("workspace");
        workspace.add(header, BorderLayout.NORTH);
        workspace.add(tabs, BorderLayout.CENTER);
        setContent(workspace);
    }

    private void request(MachineView machine) {
        RelayClient relay = signedIn.client();
        SessionController controller = new SessionController(
                relay,
                context.tasks(),
                messages,
                context.clock(),
                machine,
                signedIn.me().displayName());
        RequestDialog dialog = new RequestDialog(this, controller, messages, context.mark(), active -> {
            if (signedIn == null || signedIn.client() != relay) {
                return; // signed out meanwhile: signing out ended it
            }
            SessionWindow window = new SessionWindow(
                    active,
                    messages,
                    context.mark(),
                    context.screens()
                            .open(
                                    messages,
                                    context.tasks(),
                                    relay,
                                    active.state().session().id()),
                    context.clock().getZone());
            track(window, active);
            window.setLocationRelativeTo(this);
            window.setVisible(true);
        });
        track(dialog, controller);
        dialog.setVisible(true);
    }

    /** A request dialog or session window with the controller of its session. */
    private record SessionControllerWindow(Window window, SessionController controller) {}

    private void track(Window window, SessionController controller) {
        SessionControllerWindow entry = new SessionControllerWindow(window, controller);
        sessionWindows.add(entry);
        window.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                sessionWindows.remove(entry);
            }
        });
    }

    private void replay(HistoryController controller, HistoryEntry entry) {
        ReplayDialog open = replays.get(entry.sessionId());
        if (open != null && open.isDisplayable()) {
            open.toFront();
            open.requestFocus();
            return;
        }
        ReplayDialog dialog = new ReplayDialog(
                this,
                controller,
                messages,
                context.mark(),
                entry,
                context.downloads(),
                context.tasks(),
                context.replayClock(),
                context.clock().getZone());
        replays.put(entry.sessionId(), dialog);
        dialog.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                replays.remove(entry.sessionId(), dialog);
            }
        });
        dialog.setVisible(true);
    }

    /**
     * Closes every request dialog and session window at once (their screen connections with them, so no more input
     * reaches a machine), then ends their sessions on the relay while the tokens are still valid, then signs out.
     */
    private void signOut() {
        SignedIn who = signedIn;
        List<String> open = new ArrayList<>();
        for (SessionControllerWindow w : List.copyOf(sessionWindows)) {
            w.controller().openSessionId().ifPresent(open::add);
            w.window().dispose();
        }
        sessionWindows.clear();
        if (who != null) {
            context.tasks()
                    .run(
                            cancel -> {
                                for (String id : open) {
                                    try {
                                        who.client().endSession(id, null);
                                    } catch (RuntimeException e) {
                                        LOG.warn("Could not end session {} when signing out: {}", id, e.toString());
                                    }
                                }
                                who.client().logout();
                                return Boolean.TRUE;
                            },
                            ok -> {},
                            failure -> {});
        }
        showLogin();
    }

    private void setContent(javax.swing.JComponent content) {
        setContentPane(context.mark().wrap(content));
        revalidate();
        repaint();
        SwingUtilities.invokeLater(() -> {
            if (login != null && signedIn == null) {
                content.requestFocusInWindow();
            }
        });
    }

    /** The machine list, once signed in as a technician. */
    public MachineListPanel machines() {
        return machines;
    }

    /** The history, once signed in as a team lead. */
    public HistoryPanel history() {
        return history;
    }

    public JTabbedPane tabs() {
        return tabs;
    }

    /** The language of this window's texts. */
    public Locale locale() {
        return messages.locale();
    }
}
