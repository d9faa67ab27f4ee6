package dev.fieldlink.relay.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.auth.AuthException;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.Problem;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.db.DataAccessException;
import io.javalin.http.Context;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every failure as an RFC 9457 problem document. Our own failures keep their type and detail; database
 * failures answer 503; anything unexpected answers 500 with a reference that is also in the log (with the stack
 * trace, which never reaches the client). Thread-safe.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper mapper;

    Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void handle(Exception e, Context ctx) {
        if (e instanceof FieldlinkException f) {
            write(ctx, f.toProblem(), f instanceof AuthException || f.type() == ProblemType.UNAUTHENTICATED);
        } else if (e instanceof DataAccessException d) {
            String ref = UUID.randomUUID().toString();
            LOG.error("database failure, reference {}: {}", ref, d.getMessage());
            write(ctx, Problem.of(ProblemType.UNAVAILABLE, "the database is unavailable; reference " + ref), false);
        } else {
            String ref = UUID.randomUUID().toString();
            LOG.error("unexpected failure on {} {}, reference {}", ctx.method(), ctx.path(), ref, e);
            write(ctx, Problem.of(ProblemType.INTERNAL, "internal error; reference " + ref), false);
        }
    }

    void write(Context ctx, ProblemType type, String detail) {
        write(ctx, Problem.of(type, detail), type == ProblemType.UNAUTHENTICATED);
    }

    void write(Context ctx, Problem problem, boolean challenge) {
        Problem p = new Problem(
                problem.type(),
                problem.title(),
                problem.status(),
                problem.detail(),
                ctx.path(),
                problem.retryAfterSeconds());
        ctx.status(p.status());
        if (p.retryAfterSeconds() != null) {
            ctx.header("Retry-After", Long.toString(p.retryAfterSeconds()));
        }
        if (challenge) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"fieldlink\"");
        }
        try {
            ctx.contentType(Problem.MEDIA_TYPE).result(mapper.writeValueAsBytes(p));
        } catch (JsonProcessingException ex) {
            ctx.contentType("text/plain").result(p.detail());
        }
    }
}
