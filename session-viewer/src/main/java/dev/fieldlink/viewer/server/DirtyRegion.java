package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.Rect;
import java.util.ArrayList;
import java.util.List;

/**
 * Pending damage as a short list of rectangles; beyond {@link #MAX_RECTS} it collapses to the bounding box, so memory
 * stays bounded whatever the source reports. Not thread-safe.
 */
final class DirtyRegion {
    static final int MAX_RECTS = 32;

    private final List<Rect> rects = new ArrayList<>();

    void add(Rect r) {
        if (r.isEmpty()) {
            return;
        }
        for (int i = 0; i < rects.size(); i++) {
            Rect e = rects.get(i);
            if (contains(e, r)) {
                return;
            }
            if (contains(r, e)) {
                rects.remove(i--);
            }
        }
        rects.add(r);
        if (rects.size() > MAX_RECTS) {
            Rect box = rects.get(0);
            for (Rect e : rects) {
                box = box.union(e);
            }
            rects.clear();
            rects.add(box);
        }
    }

    boolean intersects(Rect r) {
        for (Rect e : rects) {
            if (e.intersects(r)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return rects.isEmpty();
    }

    boolean isEmptyWithin(Rect area) {
        return !intersects(area);
    }

    /** Removes and returns the parts inside {@code area}; parts outside stay pending. */
    List<Rect> take(Rect area) {
        List<Rect> out = new ArrayList<>();
        List<Rect> keep = new ArrayList<>();
        for (Rect e : rects) {
            Rect in = e.intersect(area);
            if (!in.isEmpty()) {
                out.add(in);
            }
            if (in.isEmpty()) {
                keep.add(e);
            } else {
                subtract(e, in, keep);
            }
        }
        rects.clear();
        rects.addAll(keep);
        return out;
    }

    /** Adds to {@code out} the up to four bands of {@code e} outside {@code hole} (which lies inside {@code e}). */
    private static void subtract(Rect e, Rect hole, List<Rect> out) {
        int ex2 = e.x() + e.width();
        int ey2 = e.y() + e.height();
        int hx2 = hole.x() + hole.width();
        int hy2 = hole.y() + hole.height();
        if (hole.y() > e.y()) {
            out.add(new Rect(e.x(), e.y(), e.width(), hole.y() - e.y()));
        }
        if (hy2 < ey2) {
            out.add(new Rect(e.x(), hy2, e.width(), ey2 - hy2));
        }
        if (hole.x() > e.x()) {
            out.add(new Rect(e.x(), hole.y(), hole.x() - e.x(), hole.height()));
        }
        if (hx2 < ex2) {
            out.add(new Rect(hx2, hole.y(), ex2 - hx2, hole.height()));
        }
    }

    void clear() {
        rects.clear();
    }

    private static boolean contains(Rect a, Rect b) {
        return b.x() >= a.x()
                && b.y() >= a.y()
                && b.x() + b.width() <= a.x() + a.width()
                && b.y() + b.height() <= a.y() + a.height();
    }
}
