package dev.fieldlink.policy.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Regions as a forest, e.g. {@code EMEA > DACH > DE}. Holding a region covers its whole subtree. Immutable and
 * thread-safe.
 */
public final class RegionTree {
    /** What a region id may look like: letters, digits, {@code _} and {@code -}, at most 64 characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Map<String, Region> regions;
    private final Map<String, List<String>> children;

    /**
     * @param regions every parent before its children
     * @throws IllegalArgumentException naming the region when an id is malformed or repeated, or a parent is not
     *     defined before its child
     */
    public RegionTree(Collection<Region> regions) {
        Map<String, Region> byId = new LinkedHashMap<>();
        Map<String, List<String>> kids = new LinkedHashMap<>();
        for (Region region : regions) {
            if (!ID.matcher(region.id()).matches()) {
                throw new IllegalArgumentException("region id '" + region.id()
                        + "' is not valid: use letters, digits, '_' and '-', at most 64 characters");
            }
            if (byId.containsKey(region.id())) {
                throw new IllegalArgumentException("region '" + region.id() + "' is defined twice");
            }
            if (region.parent() != null && !byId.containsKey(region.parent())) {
                throw new IllegalArgumentException(
                        "region '" + region.id() + "' names parent '" + region.parent() + "', which is not defined");
            }
            byId.put(region.id(), region);
            kids.put(region.id(), new ArrayList<>());
            if (region.parent() != null) {
                kids.get(region.parent()).add(region.id());
            }
        }
        this.regions = Collections.unmodifiableMap(byId);
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        kids.forEach((id, list) -> frozen.put(id, List.copyOf(list)));
        this.children = Collections.unmodifiableMap(frozen);
    }

    public boolean contains(String id) {
        return id != null && regions.containsKey(id);
    }

    public Optional<Region> region(String id) {
        return Optional.ofNullable(id == null ? null : regions.get(id));
    }

    /** All regions, parents before children. */
    public Collection<Region> regions() {
        return regions.values();
    }

    /** True when holding {@code held} covers {@code target}: the same region or one of its descendants. */
    public boolean covers(String held, String target) {
        if (!contains(held) || !contains(target)) {
            return false;
        }
        for (String at = target; at != null; at = regions.get(at).parent()) {
            if (at.equals(held)) {
                return true;
            }
        }
        return false;
    }

    /** The first of {@code held} that covers {@code target}, if any. */
    public Optional<String> coveringRegion(Collection<String> held, String target) {
        return held.stream().filter(h -> covers(h, target)).sorted().findFirst();
    }

    /** Every region that one of {@code held} covers; unknown ids cover nothing. */
    public Set<String> covered(Collection<String> held) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : held) {
            if (contains(id)) {
                collect(id, out);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private void collect(String id, Set<String> out) {
        if (out.add(id)) {
            children.get(id).forEach(child -> collect(child, out));
        }
    }

    /** The path from the root, e.g. {@code EMEA > DACH > DE}; the id itself when unknown. */
    public String path(String id) {
        if (!contains(id)) {
            return String.valueOf(id);
        }
        List<String> parts = new ArrayList<>();
        for (String at = id; at != null; at = regions.get(at).parent()) {
            parts.add(0, at);
        }
        return String.join(" > ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionTree other && regions.equals(other.regions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regions);
    }

    @Override
    public String toString() {
        return "RegionTree" + regions.keySet();
    }
}
