package dev.fieldlink.policy.region;

import java.util.Objects;

/**
 * One node of the region tree.
 *
 * @param id stable id, e.g. {@code DACH}
 * @param name for people, e.g. {@code Germany, Austria, Switzerland}
 * @param parent the parent's id, or null for a root
 */
public record Region(String id, String name, String parent) {
    public Region {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }
}
