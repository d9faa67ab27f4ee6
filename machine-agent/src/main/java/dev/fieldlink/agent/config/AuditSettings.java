package dev.fieldlink.agent.config;

/**
 * The local audit log's disk use.
 *
 * @param segmentSize a log file is closed and the next one started beyond this size
 * @param quota disk space the log may take; beyond it the panel and {@code status} raise an alarm (events are still
 *     written: the log never drops an event)
 */
public record AuditSettings(DataSize segmentSize, DataSize quota) {
    public AuditSettings {
        segmentSize = segmentSize == null ? AgentDefaults.AUDIT_SEGMENT_SIZE : segmentSize;
        quota = quota == null ? AgentDefaults.AUDIT_QUOTA : quota;
        if (segmentSize.bytes() < 4096) {
            throw new InvalidSettingException("segmentSize", "must be at least 4KiB (found " + segmentSize + ")");
        }
        if (quota.bytes() < segmentSize.bytes()) {
            throw new InvalidSettingException(
                    "quota", "must be at least segmentSize " + segmentSize + " (found " + quota + ")");
        }
    }

    public static AuditSettings defaults() {
        return new AuditSettings(null, null);
    }
}
