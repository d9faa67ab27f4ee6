package dev.fieldlink.console.ui.login;

import com.formdev.flatlaf.FlatClientProperties;
import dev.fieldlink.auth.totp.Totp;
import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/** The sign-in form. Lays out only: {@link LoginController} decides. Build and use on the EDT. */
public final class LoginPanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient LoginController controller;
    private final JTextField relay = new JTextField(28);
    private final JTextField pin = new JTextField(28);
    private final JTextField username = new JTextField(28);
    private final JPasswordField password = new JPasswordField(28);
    private final JTextField code = new JTextField(8);
    private final JButton signIn;
    private final JButton cancel;
    private final JProgressBar progress = new JProgressBar();
    private final JLabel progressText;
    private final JTextArea error = Forms.error(Forms.message("loginError"));

    /**
     * @param trainees sandbox accounts to offer (empty outside the sandbox)
     * @param fixedRelay true in the sandbox: address and fingerprint are set and cannot be changed
     */
    public LoginPanel(
            LoginController controller,
            Messages messages,
            String relayText,
            String pinText,
            String lastUsername,
            List<TraineeAccount> trainees,
            boolean fixedRelay,
            Clock clock) {
        super(new GridBagLayout());
        this.controller = controller;
        relay.setName("relay");
        pin.setName("pin");
        username.setName("username");
        password.setName("password");
        code.setName("code");
        relay.setText(relayText);
        pin.setText(pinText);
        relay.setCaretPosition(0);
        pin.setCaretPosition(0);
        username.setText(lastUsername);
        relay.setEditable(!fixedRelay);
        pin.setEditable(!fixedRelay);
        relay.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("login.relayHint"));
        pin.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("login.pinHint"));
        code.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "123456");
        password.putClientProperty(FlatClientProperties.STYLE, "showRevealButton: true");

        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        int row = 0;
        Forms.wide(form, row++, Forms.muted(Forms.heading(new JLabel(messages.get("app.title")), "h4")), 0);
        Forms.wide(form, row++, Forms.heading(new JLabel(messages.get("login.title")), "h1"), 0);
        Forms.wide(form, row++, Forms.muted(new JLabel(messages.get("login.subtitle"))), 0);
        if (!trainees.isEmpty()) {
            JComboBox<TraineeAccount> accounts = new JComboBox<>(trainees.toArray(new TraineeAccount[0]));
            accounts.setName("trainees");
            accounts.setSelectedIndex(-1);
            accounts.addActionListener(e -> {
                TraineeAccount account = (TraineeAccount) accounts.getSelectedItem();
                if (account != null) {
                    username.setText(account.username());
                    password.setText(account.password());
                    code.setText(new Totp().codeAt(account.totpSecret(), clock.instant()));
                }
            });
            Forms.wide(form, row++, new JLabel(messages.get("login.trainees")), 16);
            Forms.wide(form, row++, accounts, 0);
            JLabel hint = Forms.muted(new JLabel(messages.get("login.traineesHint")));
            hint.setName("traineesHint");
            Forms.wide(form, row++, hint, 4);
        }
        JComponent gap = new JLabel(" ");
        Forms.wide(form, row++, gap, 4);
        Forms.row(form, row++, messages.get("login.relay"), relay);
        Forms.row(form, row++, messages.get("login.pin"), pin);
        Forms.row(form, row++, messages.get("login.username"), username);
        Forms.row(form, row++, messages.get("login.password"), password);
        Forms.row(form, row++, messages.get("login.code"), code);
        Forms.wide(form, row++, error, 8);

        signIn = new JButton(messages.get("login.signIn"));
        signIn.setName("signIn");
        signIn.addActionListener(e -> submit());
        cancel = new JButton(messages.get("action.cancel"));
        cancel.setName("cancelSignIn");
        cancel.addActionListener(e -> controller.cancel());
        progress.setIndeterminate(true);
        progress.setName("progress");
        progressText = Forms.muted(new JLabel(messages.get("login.working")));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 8, 0));
        buttons.add(progressText);
        buttons.add(progress);
        buttons.add(cancel);
        buttons.add(signIn);
        Forms.wide(form, row++, buttons, 12);

        JPanel card = new JPanel(new BorderLayout());
        card.putClientProperty(FlatClientProperties.STYLE, "arc: 16; background: $Panel.background");
        card.add(form);
        add(card, new GridBagConstraints());
        code.addActionListener(e -> submit());
        password.addActionListener(e -> submit());
        controller.setListener(this::show);
    }

    @Override
    public void addNotify() {
        super.addNotify();
        SwingUtilities.invokeLater(() -> {
            if (getRootPane() != null) {
                getRootPane().setDefaultButton(signIn);
            }
            (username.getText().isEmpty() ? username : password).requestFocusInWindow();
        });
    }

    private void submit() {
        char[] typed = password.getPassword();
        try {
            controller.signIn(new LoginController.Form(
                    relay.getText(), pin.getText(), username.getText(), typed, code.getText()));
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private void show(LoginController.State state) {
        boolean idle = !state.working();
        for (JComponent field : List.of(relay, pin, username, password, code, signIn)) {
            field.setEnabled(idle);
        }
        progress.setVisible(!idle);
        progressText.setVisible(!idle);
        cancel.setVisible(!idle);
        error.setText(state.error() == null ? "" : state.error());
        error.setVisible(state.error() != null);
        if (state.error() != null) {
            code.setText("");
        }
        revalidate();
    }
}
