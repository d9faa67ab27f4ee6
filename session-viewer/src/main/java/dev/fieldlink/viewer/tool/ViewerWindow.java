package dev.fieldlink.viewer.tool;

import com.formdev.flatlaf.FlatLightLaf;
import dev.fieldlink.viewer.client.ConnectionEnd;
import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbClientListener;
import dev.fieldlink.viewer.rfb.Keysyms;
import dev.fieldlink.viewer.swing.ConnectionStatusLabel;
import dev.fieldlink.viewer.swing.Messages;
import dev.fieldlink.viewer.swing.RemoteScreenView;
import dev.fieldlink.viewer.swing.ScaleMode;
import java.awt.BorderLayout;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;

/** The {@code view} tool window: toolbar, remote screen, status bar. Connects on a worker thread. */
final class ViewerWindow {
    private ViewerWindow() {}

    /** Opens the window and blocks until it is closed; returns the exit code. */
    static int open(String host, int port, RfbClientConfig config, boolean viewOnly) {
        System.setProperty("flatlaf.uiScale.enabled", "true");
        FlatLightLaf.setup();
        CountDownLatch closed = new CountDownLatch(1);
        int[] code = {0};
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame(Messages.get("window.title", host + ":" + port));
            frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            JLabel status = new JLabel(Messages.get("status.connecting", host + ":" + port));
            frame.add(status, BorderLayout.SOUTH);
            frame.setSize(1024, 768);
            frame.setLocationByPlatform(true);
            frame.addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowClosed(java.awt.event.WindowEvent e) {
                    closed.countDown();
                }
            });
            frame.setVisible(true);
            new SwingWorker<RfbClient, Void>() {
                @Override
                protected RfbClient doInBackground() throws Exception {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress(host, port), 15000);
                    s.setTcpNoDelay(true);
                    return RfbClient.connect(s.getInputStream(), s.getOutputStream(), config, new RfbClientListener() {
                        @Override
                        public void connectionEnded(ConnectionEnd end) {
                            SwingUtilities.invokeLater(
                                    () -> status.setText(Messages.get("status.ended", end.message())));
                        }
                    });
                }

                @Override
                protected void done() {
                    try {
                        show(frame, status, get(), viewOnly);
                    } catch (Exception e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        JOptionPane.showMessageDialog(
                                frame, cause.getMessage(), Messages.get("error.title"), JOptionPane.ERROR_MESSAGE);
                        code[0] = 1;
                        frame.dispose();
                    }
                }
            }.execute();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code[0];
    }

    private static void show(JFrame frame, JLabel status, RfbClient client, boolean viewOnly) {
        RemoteScreenView view = new RemoteScreenView(client, client);
        view.setViewOnly(viewOnly);
        JScrollPane scroll = new JScrollPane(view);
        scroll.setBorder(javax.swing.BorderFactory.createEmptyBorder());
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        JToggleButton fit = new JToggleButton(Messages.get("action.fit"), true);
        JToggleButton one = new JToggleButton(Messages.get("action.oneToOne"));
        ButtonGroup g = new ButtonGroup();
        g.add(fit);
        g.add(one);
        fit.addActionListener(e -> {
            view.setScaleMode(ScaleMode.FIT);
            view.setPreferredSize(null);
            scroll.revalidate();
        });
        one.addActionListener(e -> {
            view.setScaleMode(ScaleMode.ONE_TO_ONE);
            scroll.revalidate();
        });
        JToggleButton only = new JToggleButton(Messages.get("action.viewOnly"), viewOnly);
        only.addActionListener(e -> view.setViewOnly(only.isSelected()));
        JButton cad = new JButton(Messages.get("action.ctrlAltDel"));
        cad.addActionListener(e -> {
            client.key(true, Keysyms.CONTROL_L);
            client.key(true, Keysyms.ALT_L);
            client.key(true, Keysyms.DELETE);
            client.key(false, Keysyms.DELETE);
            client.key(false, Keysyms.ALT_L);
            client.key(false, Keysyms.CONTROL_L);
            view.requestFocusInWindow();
        });
        bar.add(fit);
        bar.add(one);
        bar.addSeparator();
        bar.add(only);
        bar.add(cad);
        frame.add(bar, BorderLayout.NORTH);
        frame.add(scroll, BorderLayout.CENTER);
        frame.remove(status);
        JPanel south = new JPanel(new BorderLayout());
        south.setBorder(javax.swing.BorderFactory.createEmptyBorder(2, 6, 2, 6));
        status.setText(Messages.get("status.connected", client.desktopName()));
        south.add(status, BorderLayout.WEST);
        south.add(new ConnectionStatusLabel(client::stats), BorderLayout.EAST);
        frame.add(south, BorderLayout.SOUTH);
        frame.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                client.close();
            }
        });
        frame.revalidate();
        view.requestFocusInWindow();
    }
}
