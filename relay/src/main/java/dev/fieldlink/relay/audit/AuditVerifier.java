package dev.fieldlink.relay.audit;

import dev.fieldlink.protocol.api.AuditVerifyResponse;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every stream's hash chain from its first event and reports the first broken link per stream: an edited
 * event, a deleted one (a gap), or one moved. Reads in pages, so memory stays bounded. Thread-safe.
 */
public final class AuditVerifier {
    private static final int PAGE = 1000;

    private final AuditRepository repository;

    public AuditVerifier(AuditRepository repository) {
        this.repository = repository;
    }

    /** Verifies all streams. */
    public AuditVerifyResponse verifyAll() {
        return verifyAll(stream -> true);
    }

    /** Verifies the streams {@code include} accepts, each from its first event. */
    public AuditVerifyResponse verifyAll(java.util.function.Predicate<String> include) {
        List<AuditVerifyResponse.StreamResult> results = new ArrayList<>();
        long total = 0;
        boolean intact = true;
        for (String stream : repository.streams()) {
            if (!include.test(stream)) {
                continue;
            }
            AuditVerifyResponse.StreamResult r = verify(stream);
            results.add(r);
            total += r.events();
            intact &= r.intact();
        }
        return new AuditVerifyResponse(intact, total, results);
    }

    /** Verifies one stream. */
    public AuditVerifyResponse.StreamResult verify(String stream) {
        String prevHash = AuditChain.GENESIS;
        long nextSequence = 1;
        long after = 0;
        long checked = 0;
        while (true) {
            List<AuditEvent> page = repository.page(stream, after, PAGE);
            if (page.isEmpty()) {
                return new AuditVerifyResponse.StreamResult(stream, checked, true, null, null);
            }
            Optional<AuditChain.Break> broken = AuditChain.verify(page, prevHash, nextSequence);
            if (broken.isPresent()) {
                long count = checked + countUpTo(page, broken.get().sequence());
                return new AuditVerifyResponse.StreamResult(
                        stream,
                        count,
                        false,
                        broken.get().sequence(),
                        broken.get().problem());
            }
            AuditEvent last = page.get(page.size() - 1);
            checked += page.size();
            prevHash = last.hash();
            nextSequence = last.sequence() + 1;
            after = last.sequence();
        }
    }

    private static long countUpTo(List<AuditEvent> page, long sequence) {
        long n = 0;
        for (AuditEvent e : page) {
            n++;
            if (e.sequence() == sequence) {
                break;
            }
        }
        return n;
    }
}
