package dev.fieldlink.agent.panel;

import dev.fieldlink.agent.switches.AdminPin;
import dev.fieldlink.protocol.CustomerSwitches;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Frame;
import java.awt.GridLayout;
import java.util.Arrays;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * Changes the customer switches after the admin PIN; the PIN check runs in the background. Closing the dialog in any
 * way disposes it and clears the PIN field, so a typed PIN does not outlive it.
 */
final class SwitchesDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    final JPasswordField pin = new JPasswordField(12);

    SwitchesDialog(Frame owner, Messages text, PanelController controller) {
        super(owner, text.get("switches.title"), true);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        CustomerSwitches now = controller.model().switches();
        JCheckBox remote = new JCheckBox(text.get("strip.switch.remoteService"), now.remoteService());
        JCheckBox files = new JCheckBox(text.get("strip.switch.fileTransfer"), now.fileTransfer());
        JCheckBox upload = new JCheckBox(text.get("strip.switch.dataUpload"), now.dataUpload());
        JLabel message = new JLabel(" ");
        message.setForeground(UIManager.getColor("Fieldlink.strip.alarm"));
        JButton apply = new JButton(text.get("switches.apply"));
        JButton cancel = new JButton(text.get("switches.cancel"));
        cancel.addActionListener(e -> dispose());
        apply.addActionListener(e -> {
            apply.setEnabled(false);
            char[] entered = pin.getPassword();
            controller
                    .changeSwitches(
                            entered, new CustomerSwitches(remote.isSelected(), files.isSelected(), upload.isSelected()))
                    .whenComplete((result, failure) -> SwingUtilities.invokeLater(() -> {
                        Arrays.fill(entered, '\0');
                        apply.setEnabled(true);
                        if (result == AdminPin.Result.ACCEPTED) {
                            dispose();
                        } else {
                            pin.setText("");
                            message.setText(text.get(
                                    result == AdminPin.Result.LOCKED
                                            ? "switches.locked"
                                            : result == AdminPin.Result.NOT_SET
                                                    ? "switches.notSet"
                                                    : "switches.wrong"));
                        }
                    }));
        });
        JPanel boxes = new JPanel(new GridLayout(0, 1, 0, 4));
        boxes.add(remote);
        boxes.add(files);
        boxes.add(upload);
        JPanel pinRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        pinRow.add(new JLabel(text.get("switches.pin")));
        pinRow.add(pin);
        boxes.add(pinRow);
        boxes.add(message);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(apply);
        buttons.add(cancel);
        JPanel content = new JPanel(new BorderLayout());
        content.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        content.add(boxes, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(apply);
        pack();
        setLocationRelativeTo(owner);
    }

    @Override
    public void dispose() {
        pin.setText("");
        super.dispose();
    }
}
