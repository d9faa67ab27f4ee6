package dev.fieldlink.relay.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording downloads ({@link HistoryRoutes#serve}) send the file's own bytes, also to clients that accept gzip:
 * Content-Length and byte ranges count the file, so compressing on the way would cut the response short.
 */
class FileDownloadTest {
    @TempDir
    Path dir;

    private Javalin app;
    private Path file;
    private byte[] content;

    @BeforeEach
    void start() throws Exception {
        content = new byte[64 * 1024];
        new Random(7).nextBytes(content);
        // Half of it compressible, so a gzip encoder would change the length.
        java.util.Arrays.fill(content, 0, 32 * 1024, (byte) 'x');
        file = Files.write(dir.resolve("s1-1.flrec"), content);
        app = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.get("/file", ctx -> HistoryRoutes.serve(ctx, file, "application/octet-stream"));
                })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<byte[]> get(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/file"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aClientAcceptingGzip_getsTheWholeFileUnencoded() throws Exception {
        HttpResponse<byte[]> whole = get("Accept-Encoding", "gzip, deflate");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(whole.headers().firstValue("Content-Length")).hasValue(Integer.toString(content.length));
        assertThat(whole.body()).isEqualTo(content);
    }

    @Test
    void aRange_withGzipAccepted_isExactlyThoseBytes() throws Exception {
        HttpResponse<byte[]> part = get("Accept-Encoding", "gzip", "Range", "bytes=30000-40000");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 30000-40000/" + content.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 30000, 40001));
    }
}
