package dev.fieldlink.protocol.api;

import java.time.LocalDate;

/** A product-line certification; valid up to and including {@code expiresOn}. */
public record Certification(String productLine, LocalDate expiresOn) {}
