package dev.fieldlink.protocol.api;

import java.time.Instant;

/** A chat line; {@code from} is {@code technician} or {@code operator}. */
public record ChatLine(String from, String author, String text, Instant at) {
    public static final String FROM_TECHNICIAN = "technician";
    public static final String FROM_OPERATOR = "operator";
}
