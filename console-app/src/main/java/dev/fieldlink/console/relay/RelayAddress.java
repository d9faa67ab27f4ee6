package dev.fieldlink.console.relay;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where the relay is. People type {@code relay.example.com}, {@code relay.example.com:9443} or a full
 * {@code https://} URL; all become the API base {@code https://HOST:PORT/api/v1/}. Plain {@code http} is refused:
 * credentials and tokens only travel over TLS.
 *
 * @param origin the relay's scheme, host and port, with path {@code /}
 */
public record RelayAddress(HttpUrl origin) {
    /** The relay's default HTTPS port. */
    public static final int DEFAULT_PORT = 8443;

    /** The API's path below the origin. */
    public static final String API_PATH = "api/v1/";

    public RelayAddress {
        Objects.requireNonNull(origin, "origin");
        if (!origin.isHttps()) {
            throw new IllegalArgumentException("The relay address must use https: " + origin);
        }
        origin = origin.newBuilder().encodedPath("/").query(null).fragment(null).build();
    }

    /**
     * Reads what a person typed.
     *
     * @throws IllegalArgumentException naming what is wrong (empty, {@code http}, not a host name, bad port)
     */
    public static RelayAddress parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The relay address is empty");
        }
        String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The relay address is not a valid address: " + trimmed, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw new IllegalArgumentException("The relay address must use https, not " + scheme + ": " + trimmed);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The relay address has no valid host name: " + trimmed);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("The relay address must not contain a user name: " + trimmed);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The relay port must be between 1 and 65535: " + trimmed);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new RelayAddress(
                new HttpUrl.Builder().scheme("https").host(host).port(port).build());
    }

    /** The API base, {@code https://HOST:PORT/api/v1/}. */
    public HttpUrl apiBase() {
        return origin.resolve("/" + API_PATH);
    }

    /** The host name or address. */
    public String host() {
        return origin.host();
    }

    /** The HTTPS port. */
    public int port() {
        return origin.port();
    }

    /** The short form people type: {@code host} or {@code host:port} when the port is not the default. */
    public String display() {
        String host = origin.host().contains(":") ? "[" + origin.host() + "]" : origin.host();
        return origin.port() == DEFAULT_PORT ? host : host + ":" + origin.port();
    }

    @Override
    public String toString() {
        return origin.toString();
    }
}
