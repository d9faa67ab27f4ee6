/** Request and response bodies of the relay's REST API ({@code /api/v1}). */
package dev.fieldlink.protocol.api;
