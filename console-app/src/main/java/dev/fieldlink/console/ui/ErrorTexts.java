package dev.fieldlink.console.ui;

import dev.fieldlink.console.relay.RelayException;
import dev.fieldlink.console.screen.ScreenException;
import java.time.Duration;
import java.util.Objects;

/**
 * Words a failure for a person, in their language: what happened and what to do. Known problem types and
 * transport failures get their own sentence; anything else shows the relay's {@code detail}.
 */
public final class ErrorTexts {
    private final Messages messages;

    public ErrorTexts(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** One or two sentences for {@code failure}; never a stack trace. */
    public String describe(RuntimeException failure, String relay) {
        if (failure instanceof ScreenException s) {
            return switch (s.reason()) {
                case TIMEOUT -> messages.get("error.screenTimeout");
                case FAILED -> messages.get("error.screenFailed", s.getMessage());
                case CANCELLED -> messages.get("error.cancelled");
            };
        }
        if (!(failure instanceof RelayException e)) {
            return messages.get("error.unexpected", String.valueOf(failure.getMessage()));
        }
        String presented = e.presentedCertificate().orElse("?");
        return switch (e.failure()) {
            case UNREACHABLE -> messages.get("error.unreachable", relay);
            case TIMEOUT -> messages.get("error.timeout", relay);
            case CERTIFICATE_MISMATCH -> messages.get("error.certificateMismatch", presented);
            case CERTIFICATE_UNTRUSTED -> messages.get("error.certificateUntrusted", presented);
            case HOST_KEY_MISMATCH -> messages.get("error.hostKeyMismatch", presented);
            case SCREEN_REFUSED -> messages.get("error.screenRefused");
            case TLS -> messages.get("error.tls");
            case BAD_RESPONSE -> messages.get("error.badResponse");
            case CANCELLED -> messages.get("error.cancelled");
            case PROBLEM -> problem(e);
        };
    }

    private String problem(RelayException e) {
        String key = "problem." + e.type().slug();
        if (e.retryAfterSeconds() != null && messages.has(key + ".retry")) {
            return messages.get(key + ".retry", duration(Duration.ofSeconds(e.retryAfterSeconds())));
        }
        if (messages.has(key)) {
            return messages.get(key, e.getMessage());
        }
        return messages.get("problem.other", e.getMessage());
    }

    /** A duration as people say it: "45 s", "3 min", "1 h 5 min". */
    public String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return messages.get("duration.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return messages.get("duration.minutes", minutes);
        }
        return messages.get("duration.hours", minutes / 60, minutes % 60);
    }

    /** A countdown clock: "14:05" or "1:02:03". */
    public static String clock(Duration remaining) {
        long s = Math.max(0, remaining.toSeconds());
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
