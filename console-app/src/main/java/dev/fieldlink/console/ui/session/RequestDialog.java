package dev.fieldlink.console.ui.session;

import com.formdev.flatlaf.FlatClientProperties;
import dev.fieldlink.console.ui.ErrorTexts;
import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.SandboxMark;
import dev.fieldlink.protocol.api.MachineView;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.awt.Window;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * Asks for a session: the form (reason, case number, minutes), then the waiting view (countdown, Cancel), then the
 * outcome in words. When the operator allows the session it closes and hands the controller on. Use on the EDT.
 */
public final class RequestDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient SessionController controller;
    private final transient Messages messages;
    private final transient Consumer<SessionController> onActive;
    private final CardLayout cards = new CardLayout();
    private final JPanel content = new JPanel(cards);
    private final JTextArea reason = new JTextArea(4, 36);
    private final JTextField caseNumber = new JTextField(16);
    private final JSpinner minutes;
    private final JTextArea formError = Forms.error(Forms.message("requestError"));
    private final JLabel waitingTitle = Forms.heading(new JLabel(), "h2");
    private final JLabel countdown = new JLabel();
    private final JLabel outcomeTitle = Forms.heading(new JLabel(), "h2");
    private final JTextArea outcomeText = Forms.message("outcome");
    private final JButton send;
    private final JButton cancelWaiting;
    private final Timer ticker;
    private String card = "form";

    public RequestDialog(
            Window owner,
            SessionController controller,
            Messages messages,
            SandboxMark mark,
            Consumer<SessionController> onActive) {
        super(owner, ModalityType.MODELESS);
        this.controller = controller;
        this.messages = messages;
        this.onActive = onActive;
        MachineView machine = controller.state().machine();
        setTitle(mark.title(messages.get("request.title", machine.name())));
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                closeOrCancel();
            }
        });

        int max = SessionRequestForm.maxMinutes(machine);
        minutes = new JSpinner(new SpinnerNumberModel(Math.min(30, max), SessionRequestForm.MIN_MINUTES, max, 5));
        minutes.setName("minutes");
        reason.setName("reason");
        reason.setLineWrap(true);
        reason.setWrapStyleWord(true);
        caseNumber.setName("caseNumber");
        caseNumber.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("request.caseHint"));

        JPanel form = new JPanel(new GridBagLayout());
        form.setName("requestForm");
        form.setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        int row = 0;
        Forms.wide(form, row++, Forms.heading(new JLabel(machine.name()), "h2"), 0);
        Forms.wide(
                form,
                row++,
                Forms.muted(new JLabel(
                        messages.get("request.machineLine", machine.customer(), machine.site(), machine.model()))),
                0);
        Forms.row(form, row++, messages.get("request.reason"), new JScrollPane(reason));
        Forms.row(form, row++, messages.get("request.caseNumber"), caseNumber);
        Forms.row(form, row++, messages.get("request.minutes"), minutes);
        Forms.wide(form, row++, Forms.muted(new JLabel(messages.get("request.consentNote"))), 8);
        Forms.wide(form, row++, formError, 4);
        send = new JButton(messages.get("request.send"));
        send.setName("send");
        send.addActionListener(e -> submit());
        JButton cancelForm = new JButton(messages.get("action.cancel"));
        cancelForm.addActionListener(e -> dispose());
        Forms.wide(form, row++, buttons(cancelForm, send), 12);
        content.add(form, "form");

        JPanel waiting = new JPanel(new GridBagLayout());
        waiting.setName("waiting");
        waiting.setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
        row = 0;
        Forms.wide(waiting, row++, waitingTitle, 0);
        Forms.wide(waiting, row++, Forms.muted(new JLabel(messages.get("request.waitingNote"))), 4);
        JProgressBar progress = new JProgressBar();
        progress.setIndeterminate(true);
        Forms.wide(waiting, row++, progress, 16);
        countdown.setName("countdown");
        Forms.wide(waiting, row++, countdown, 8);
        cancelWaiting = new JButton(messages.get("request.withdraw"));
        cancelWaiting.setName("withdraw");
        cancelWaiting.addActionListener(e -> controller.cancel());
        Forms.wide(waiting, row++, buttons(cancelWaiting), 16);
        content.add(waiting, "waiting");

        JPanel outcome = new JPanel(new GridBagLayout());
        outcome.setName("outcomePanel");
        outcome.setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
        outcomeText.setColumns(36);
        Forms.wide(outcome, 0, outcomeTitle, 0);
        Forms.wide(outcome, 1, outcomeText, 8);
        JButton close = new JButton(messages.get("action.close"));
        close.setName("closeOutcome");
        close.addActionListener(e -> dispose());
        Forms.wide(outcome, 2, buttons(close), 16);
        content.add(outcome, "outcome");

        setContentPane(mark.wrap(content));
        ticker = new Timer(1000, e -> controller.tick());
        controller.setListener(this::show);
        getRootPane().setDefaultButton(send);
        pack();
        setMinimumSize(getSize());
        setLocationRelativeTo(owner);
    }

    private static JPanel buttons(JButton... buttons) {
        JPanel panel = new JPanel(new FlowLayout(FlowLayout.TRAILING, 8, 0));
        for (JButton b : buttons) {
            panel.add(b);
        }
        return panel;
    }

    /** Fills the form (for tests and screenshots) without sending it. */
    public void fill(String reasonText, String caseText, int minutesValue) {
        reason.setText(reasonText);
        caseNumber.setText(caseText);
        minutes.setValue(minutesValue);
    }

    /** Checks and sends the form. */
    public void submit() {
        SessionRequestForm form =
                new SessionRequestForm(reason.getText(), caseNumber.getText(), (Integer) minutes.getValue());
        Optional<String> problem = form.problem(controller.state().machine(), messages);
        formError.setText(problem.orElse(""));
        formError.setVisible(problem.isPresent());
        if (problem.isEmpty()) {
            controller.request(form);
        } else {
            pack();
        }
    }

    /** The card now shown: {@code form}, {@code waiting} or {@code outcome}. */
    public String shownCard() {
        return card;
    }

    private void closeOrCancel() {
        if (card.equals("waiting")) {
            controller.cancel();
        } else {
            dispose();
        }
    }

    private void show(SessionController.State state) {
        MachineView machine = state.machine();
        switch (state.stage()) {
            case REQUESTING -> {
                send.setEnabled(!state.busy());
                if (state.busy()) {
                    showCard("waiting");
                    waitingTitle.setText(messages.get("request.sending"));
                    countdown.setText(" ");
                }
            }
            case WAITING -> {
                showCard("waiting");
                ticker.start();
                waitingTitle.setText(messages.get("request.waiting", machine.site()));
                countdown.setText(messages.get("request.countdown", ErrorTexts.clock(controller.remaining())));
                cancelWaiting.setEnabled(!state.busy());
            }
            case ACTIVE -> {
                ticker.stop();
                controller.setListener(s -> {});
                dispose();
                onActive.accept(controller);
            }
            case NOT_STARTED, ENDED -> {
                ticker.stop();
                showCard("outcome");
                outcomeTitle.setText(
                        messages.get(state.session() == null ? "request.refusedTitle" : "request.notStartedTitle"));
                outcomeText.setText(state.outcome());
                pack();
            }
        }
    }

    private void showCard(String name) {
        if (!card.equals(name)) {
            cards.show(content, name);
            card = name;
        }
    }

    @Override
    public void dispose() {
        ticker.stop();
        if (controller.state().stage() != SessionController.Stage.ACTIVE) {
            controller.close();
        }
        super.dispose();
    }
}
