package dev.fieldlink.protocol;

/**
 * The switches a customer controls on their machine. Nothing reaches a machine whose {@code remoteService} switch
 * is off.
 *
 * @param remoteService interactive screen sessions may be requested
 * @param fileTransfer files may be transferred during a session
 * @param dataUpload the machine may upload diagnostic data
 */
public record CustomerSwitches(boolean remoteService, boolean fileTransfer, boolean dataUpload) {
    /** All switches off: what a machine has until its customer agrees otherwise. */
    public static final CustomerSwitches ALL_OFF = new CustomerSwitches(false, false, false);

    /** True when no switch is on; an agent then opens no connection at all. */
    public boolean allOff() {
        return !remoteService && !fileTransfer && !dataUpload;
    }
}
