/** Time-based one-time passwords (RFC 6238): codes, enrolment URIs, and a verifier that accepts each code once. */
package dev.fieldlink.auth.totp;
