package dev.fieldlink.console.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.protocol.problem.Problem;
import dev.fieldlink.protocol.problem.ProblemType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Response;
import okio.BufferedSource;

/** Turns transport failures and error answers into {@link RelayException}s with a clear sentence. */
final class Failures {
    private Failures() {}

    static RelayException transport(RelayAddress address, IOException e, boolean cancelled) {
        String where = address.display();
        if (cancelled) {
            return new RelayException(RelayException.Failure.CANCELLED, "Cancelled", null, e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RelayTls.MismatchException mismatch) {
                return new RelayException(
                        RelayException.Failure.CERTIFICATE_MISMATCH,
                        "The certificate of " + where + " (" + mismatch.actual()
                                + ") does not match the pinned fingerprint " + mismatch.expected(),
                        mismatch.actual().toString(),
                        e);
            }
            if (t instanceof RelayTls.UntrustedException untrusted) {
                return new RelayException(
                        RelayException.Failure.CERTIFICATE_UNTRUSTED,
                        "The certificate of " + where + " (" + untrusted.actual()
                                + ") is not trusted; pin its fingerprint if your administrator confirms it",
                        untrusted.actual().toString(),
                        e);
            }
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new RelayException(
                    RelayException.Failure.CERTIFICATE_UNTRUSTED,
                    "The certificate of " + where + " is issued for another host name",
                    null,
                    e);
        }
        if (e instanceof SSLException) {
            return new RelayException(
                    RelayException.Failure.TLS,
                    "The secure connection to " + where + " failed: " + e.getMessage(),
                    null,
                    e);
        }
        if (e instanceof UnknownHostException) {
            return new RelayException(
                    RelayException.Failure.UNREACHABLE, "The relay host " + address.host() + " is unknown", null, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new RelayException(
                    RelayException.Failure.UNREACHABLE, "The relay at " + where + " cannot be reached", null, e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new RelayException(
                    RelayException.Failure.TIMEOUT, "The relay at " + where + " did not answer in time", null, e);
        }
        return new RelayException(
                RelayException.Failure.UNREACHABLE,
                "The connection to " + where + " failed: " + e.getMessage(),
                null,
                e);
    }

    /** Up to {@code limit} bytes of a body; the rest is left unread. */
    static byte[] readAtMost(BufferedSource source, long limit) throws IOException {
        source.request(limit);
        return source.getBuffer()
                .readByteArray(Math.min(limit, source.getBuffer().size()));
    }

    static RelayException badResponse(String what) {
        return new RelayException(RelayException.Failure.BAD_RESPONSE, what, null, null);
    }

    /** An error answer: the problem document when there is one, else a type chosen by the status. */
    static RelayException problem(Response response, byte[] body, ObjectMapper json) {
        int status = response.code();
        Problem problem = null;
        if (body != null && body.length > 0 && isJson(response)) {
            try {
                problem = json.readValue(body, Problem.class);
            } catch (IOException | RuntimeException e) {
                problem = null;
            }
        }
        ProblemType type =
                problem == null ? null : ProblemType.fromUri(problem.type()).orElse(null);
        if (type == null) {
            type = byStatus(status);
        }
        Long retryAfter = problem == null ? null : problem.retryAfterSeconds();
        if (retryAfter == null) {
            retryAfter = retryAfterHeader(response.header("Retry-After"));
        }
        String detail =
                problem != null && problem.detail() != null && !problem.detail().isBlank()
                        ? problem.detail()
                        : type.title() + " (HTTP " + status + ")";
        return new RelayException(type, detail, retryAfter, status);
    }

    private static boolean isJson(Response response) {
        String contentType = response.header("Content-Type", "");
        return contentType.startsWith(Problem.MEDIA_TYPE) || contentType.startsWith("application/json");
    }

    static ProblemType byStatus(int status) {
        return switch (status) {
            case 400 -> ProblemType.BAD_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 409 -> ProblemType.INVALID_STATE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 416 -> ProblemType.RANGE_NOT_SATISFIABLE;
            case 422 -> ProblemType.VALIDATION;
            case 429 -> ProblemType.RATE_LIMITED;
            case 502, 503, 504 -> ProblemType.UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST;
        };
    }

    private static Long retryAfterHeader(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? seconds : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
