package dev.fieldlink.viewer.swing;

/** How a {@link RemoteScreenView} sizes the remote screen. */
public enum ScaleMode {
    /** Scale to fit the component, keeping the aspect ratio (never above 1:1 device pixels). */
    FIT,
    /** One remote pixel per device pixel (HiDPI aware), scroll for the rest. */
    ONE_TO_ONE
}
