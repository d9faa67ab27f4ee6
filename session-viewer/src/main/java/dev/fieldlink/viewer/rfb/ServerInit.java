package dev.fieldlink.viewer.rfb;

/** The ServerInit message: framebuffer size, the server's natural pixel format and the desktop name. */
public record ServerInit(int width, int height, PixelFormat pixelFormat, String name) {}
