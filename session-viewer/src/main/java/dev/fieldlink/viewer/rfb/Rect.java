package dev.fieldlink.viewer.rfb;

/** A rectangle in framebuffer pixels. Immutable. */
public record Rect(int x, int y, int width, int height) {

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    public long area() {
        return (long) Math.max(0, width) * Math.max(0, height);
    }

    /** The smallest rectangle containing both. */
    public Rect union(Rect o) {
        if (isEmpty()) {
            return o;
        }
        if (o.isEmpty()) {
            return this;
        }
        int x1 = Math.min(x, o.x);
        int y1 = Math.min(y, o.y);
        int x2 = Math.max(x + width, o.x + o.width);
        int y2 = Math.max(y + height, o.y + o.height);
        return new Rect(x1, y1, x2 - x1, y2 - y1);
    }

    public Rect intersect(Rect o) {
        int x1 = Math.max(x, o.x);
        int y1 = Math.max(y, o.y);
        int x2 = Math.min(x + width, o.x + o.width);
        int y2 = Math.min(y + height, o.y + o.height);
        return new Rect(x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1));
    }

    public boolean intersects(Rect o) {
        return !intersect(o).isEmpty();
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
