package dev.fieldlink.relay.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.testing.ApiClient;
import dev.fieldlink.relay.testing.TestRelay;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} and the running relay agree: every route Javalin registered is documented, every documented
 * operation exists (the relay answers it with something other than its own 404/405 for unknown routes), every
 * reference resolves, and the schemas name exactly the fields of the {@code protocol} records they describe.
 */
class OpenApiContractTest {
    static final Path SPEC = Path.of(System.getProperty("fieldlink.root", "..")).resolve("docs/openapi.yaml");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    static TestRelay t;
    static JsonNode spec;

    @BeforeAll
    static void start() throws IOException {
        spec = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
        t = TestRelay.start();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    /** {@code METHOD path} of every documented operation. */
    static Set<String> documented() {
        Set<String> ops = new TreeSet<>();
        spec.path("paths")
                .properties()
                .forEach(p -> p.getValue().properties().forEach(op -> {
                    if (METHODS.contains(op.getKey())) {
                        ops.add(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey());
                    }
                }));
        return ops;
    }

    @Test
    void itIsOpenApi31_withBearerSecurity() {
        assertThat(spec.path("openapi").asText()).startsWith("3.1.");
        assertThat(spec.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
        assertThat(spec.at("/security/0").has("bearer")).isTrue();
    }

    @Test
    void everyRegisteredRoute_isDocumented_andEveryDocumentedRoute_isRegistered() {
        Set<String> registered = new TreeSet<>(t.relay.apiRoutes());
        Set<String> documented = documented();
        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(documented);
        Set<String> unregistered = new TreeSet<>(documented);
        unregistered.removeAll(registered);
        assertThat(undocumented)
                .as("routes the relay serves that docs/openapi.yaml lacks")
                .isEmpty();
        assertThat(unregistered)
                .as("operations docs/openapi.yaml has that the relay does not serve")
                .isEmpty();
        assertThat(registered).hasSizeGreaterThan(20);
    }

    @Test
    void everyDocumentedOperation_answers_andIsNotTheRelaysUnknownRouteAnswer() {
        String token = t.token(t.technician("openapi", Set.of("DE"), Set.of("digital-cutter")));
        List<String> ops = new ArrayList<>(documented());
        // Signing out revokes the token: last.
        ops.sort(Comparator.comparing((String op) -> op.endsWith("/auth/logout")));
        List<String> missing = new ArrayList<>();
        for (String op : ops) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            Request.Builder rb = new Request.Builder().url(t.api.base() + path);
            rb.method(
                    method,
                    method.equals("GET") || method.equals("HEAD") ? null : RequestBody.create("{}", ApiClient.JSON));
            ApiClient.Answer a = t.api.call(rb, token);
            if (unknownRoute(a)) {
                missing.add(op + " -> " + a.status() + " " + a.body());
            }
            assertThat(a.status()).as(op).isLessThan(500);
        }
        assertThat(missing)
                .as("documented operations the relay answers as unknown")
                .isEmpty();

        String fresh = t.token(t.technician("openapi2", Set.of("DE"), Set.of("digital-cutter")));
        assertThat(unknownRoute(t.api.get("/api/v1/no-such-route", fresh)))
                .as("the check can fail: an unknown route")
                .isTrue();
        assertThat(unknownRoute(t.api.post("/api/v1/me", "{}", fresh)))
                .as("the check can fail: an unknown method")
                .isTrue();
        assertThat(unknownRoute(t.api.get("/api/v1/machines/x", fresh)))
                .as("an unknown id is not an unknown route")
                .isFalse();
    }

    /** The relay's answer for a route or method it does not have (not a 404 of a route that exists). */
    private static boolean unknownRoute(ApiClient.Answer a) {
        if (a.status() == 405) {
            return true;
        }
        String detail = a.status() == 404 ? a.json().path("detail").asText() : "";
        return detail.startsWith("no resource ") || (detail.startsWith("Endpoint ") && detail.endsWith(" not found"));
    }

    @Test
    void everyReference_resolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);
        assertThat(refs).hasSizeGreaterThan(50);
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(spec.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void schemas_nameExactlyTheFieldsOfTheProtocolRecords() {
        Map<String, Class<?>> records = Map.ofEntries(
                Map.entry("Problem", dev.fieldlink.protocol.problem.Problem.class),
                Map.entry("AuditEvent", dev.fieldlink.protocol.audit.AuditEvent.class),
                Map.entry("CustomerSwitches", dev.fieldlink.protocol.CustomerSwitches.class),
                Map.entry("StreamResult", dev.fieldlink.protocol.api.AuditVerifyResponse.StreamResult.class),
                Map.entry("MachineViewPage", dev.fieldlink.protocol.api.Page.class),
                Map.entry("HistoryEntryPage", dev.fieldlink.protocol.api.Page.class));
        Set<String> checked = new LinkedHashSet<>();
        spec.at("/components/schemas").properties().forEach(e -> {
            String name = e.getKey();
            Class<?> type = records.get(name);
            if (type == null) {
                type = protocolApiRecord(name);
            }
            if (type == null) {
                return;
            }
            Set<String> fields = new TreeSet<>();
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(c.getName());
            }
            Set<String> properties = new TreeSet<>();
            e.getValue().path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("properties of schema " + name).isEqualTo(fields);
            e.getValue()
                    .path("required")
                    .forEach(r ->
                            assertThat(fields).as("required field of " + name).contains(r.asText()));
            checked.add(name);
        });
        assertThat(checked)
                .contains(
                        "LoginRequest",
                        "TokenResponse",
                        "SessionView",
                        "SessionEvent",
                        "TicketResponse",
                        "HistoryEntry",
                        "EnrollRequest",
                        "HealthResponse",
                        "Problem",
                        "AuditEvent");
        assertThat(enumValues("SessionState")).isEqualTo(names(SessionState.values()));
        assertThat(enumValues("EndCause")).isEqualTo(names(EndCause.values()));
        assertThat(enumValues("Role")).isEqualTo(names(Role.values()));
    }

    @Test
    void everyProblemType_isNamed() {
        String description = spec.at("/info/description").asText().replaceAll("\\s+", " ");
        for (ProblemType p : ProblemType.values()) {
            assertThat(description).as(p.slug()).contains(p.slug() + " (" + p.status() + ")");
        }
    }

    private static Class<?> protocolApiRecord(String name) {
        try {
            Class<?> c = Class.forName("dev.fieldlink.protocol.api." + name);
            return c.isRecord() ? c : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static List<String> enumValues(String schema) {
        List<String> values = new ArrayList<>();
        spec.at("/components/schemas/" + schema + "/enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
