package dev.fieldlink.protocol.api;

/**
 * {@code POST agents/enroll}: a machine registers its public key (OpenSSH format) with the one-time code from
 * provisioning.
 */
public record EnrollRequest(String code, String machineId, String publicKey) {
    @Override
    public String toString() {
        return "EnrollRequest[code=***, machineId=" + machineId + "]";
    }
}
