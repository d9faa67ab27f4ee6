/** The cloud relay: HTTPS API, SSH endpoint, session broker, persistence, audit, recordings. */
package dev.fieldlink.relay;
