package dev.fieldlink.policy.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;

/** A string scalar of the policy file with the line and column it stood at, so later checks can point at it. */
@JsonDeserialize(using = Located.Reader.class)
record Located(String value, int line, int column) {
    static final class Reader extends JsonDeserializer<Located> {
        @Override
        public Located deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING
                    && !parser.currentToken().isNumeric()) {
                return context.reportInputMismatch(Located.class, "expected text, found %s", describe(parser));
            }
            var at = parser.currentTokenLocation();
            return new Located(parser.getText(), at.getLineNr(), at.getColumnNr());
        }

        private static String describe(JsonParser parser) {
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> "a mapping";
                case START_ARRAY -> "a list";
                case VALUE_NULL -> "nothing";
                default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
            };
        }
    }
}
