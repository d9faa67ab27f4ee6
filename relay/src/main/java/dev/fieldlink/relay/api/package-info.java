/**
 * The HTTPS JSON API ({@code /api/v1}) on Javalin/Jetty: routes, bounded JSON bodies, bearer authentication,
 * RFC 9457 problem answers, server-sent session events and ranged recording downloads.
 */
package dev.fieldlink.relay.api;
