package dev.fieldlink.policy;

import java.util.Objects;

/**
 * A product line machines belong to and technicians are certified for.
 *
 * @param id stable id, e.g. {@code digital-cutter}
 * @param name for people, e.g. {@code Digital cutters}
 */
public record ProductLine(String id, String name) {
    public ProductLine {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }
}
