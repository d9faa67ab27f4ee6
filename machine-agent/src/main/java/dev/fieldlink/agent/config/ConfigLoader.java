package dev.fieldlink.agent.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fieldlink.auth.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and edits {@code agent.yaml}. Unknown settings, wrong types and unusable values are refused with a
 * {@link ConfigException} whose message names the file, the setting's dotted path and what is wrong.
 *
 * <p>Thread-safe.
 */
public final class ConfigLoader {
    private final ObjectMapper yaml;

    public ConfigLoader() {
        SimpleModule units = new SimpleModule("fieldlink-units");
        units.addDeserializer(Duration.class, new FromText<>(Durations::parse));
        units.addDeserializer(DataSize.class, new FromText<>(DataSize::parse));
        units.addDeserializer(Path.class, new FromText<>(Path::of));
        this.yaml = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .build())
                .addModule(units)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /**
     * Reads {@code file}; relative paths in it are resolved against the file's directory.
     *
     * @throws ConfigException naming the file and the setting
     */
    public AgentConfig load(Path file) {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        AgentConfig config = parse(name, text);
        Path base = file.toAbsolutePath().getParent();
        return resolve(config, base);
    }

    /**
     * Parses YAML text; paths stay as written.
     *
     * @param name the file name to use in messages
     */
    public AgentConfig parse(String name, String text) {
        try {
            AgentConfig config = text.isBlank() ? null : yaml.readValue(text, AgentConfig.class);
            return config == null ? AgentConfig.defaults(null) : config;
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ": " + describe(e), e);
        }
    }

    /**
     * Changes settings in {@code file} (created if missing), keeping the others, and checks that the result still
     * reads. The file is replaced atomically with mode 0600 (it may hold the admin PIN's hash). Comments in the file
     * are not kept.
     */
    public void update(Path file, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = Files.exists(file) && !Files.readString(file).isBlank()
                    ? (ObjectNode) yaml.readTree(file.toFile())
                    : yaml.createObjectNode();
            edit.accept(root);
            String text = yaml.writeValueAsString(root);
            parse(file.getFileName().toString(), text);
            PrivateFiles.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (ClassCastException e) {
            throw new ConfigException(file + ": the top level must be a mapping of settings");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.getFileName() + ": " + describe(e), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static AgentConfig resolve(AgentConfig c, Path base) {
        Path data = base.resolve(c.dataDirectory()).normalize();
        Path key = base.resolve(c.keyFile()).normalize();
        ScreenSettings.VncProxy vnc = c.screen().vncProxy();
        ScreenSettings screen = c.screen();
        if (vnc.passwordFile() != null) {
            screen = new ScreenSettings(
                    screen.source(),
                    screen.simulated(),
                    screen.capture(),
                    new ScreenSettings.VncProxy(
                            vnc.host(),
                            vnc.port(),
                            base.resolve(vnc.passwordFile()).normalize()));
        }
        return new AgentConfig(
                c.machineId(),
                c.relay(),
                key,
                data,
                c.switches(),
                c.session(),
                screen,
                c.panel(),
                c.audit(),
                c.connection());
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            String path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            if (m instanceof UnrecognizedPropertyException u) {
                String known = u.getKnownPropertyIds() == null
                        ? ""
                        : " (known: "
                                + u.getKnownPropertyIds().stream()
                                        .map(String::valueOf)
                                        .sorted()
                                        .collect(Collectors.joining(", "))
                                + ")";
                return path + ": unknown setting" + known;
            }
            Throwable cause = m.getCause();
            if (m instanceof ValueInstantiationException && cause instanceof InvalidSettingException s) {
                return (path.isEmpty() ? "" : path + ".") + s.field() + ": " + s.getMessage();
            }
            if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                return path + ": " + iae.getMessage();
            }
            if (m instanceof InvalidFormatException f
                    && f.getTargetType() != null
                    && f.getTargetType().isEnum()) {
                String allowed = Arrays.stream(f.getTargetType().getEnumConstants())
                        .map(c -> enumName((Enum<?>) c))
                        .collect(Collectors.joining(", "));
                return path + ": '" + f.getValue() + "' is not one of " + allowed;
            }
            if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                return path + ": expected " + typeName(mi.getTargetType()) + at(m.getLocation());
            }
            return (path.isEmpty() ? "" : path + ": ") + m.getOriginalMessage().split("\n", 2)[0];
        }
        return "not valid YAML" + at(e.getLocation()) + ": "
                + e.getOriginalMessage().split("\n", 2)[0];
    }

    private static String enumName(Enum<?> constant) {
        try {
            var field = constant.getDeclaringClass().getField(constant.name());
            var p = field.getAnnotation(JsonProperty.class);
            return p != null ? p.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        return "a " + type.getSimpleName() + " section";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    /** Reads a scalar through a parser that throws {@link IllegalArgumentException} with a readable message. */
    private static final class FromText<T> extends JsonDeserializer<T> {
        private final Function<String, T> parser;

        FromText(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return ctx.reportInputMismatch(this, "expected a single value, not a section");
            }
            String text = p.getValueAsString();
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
