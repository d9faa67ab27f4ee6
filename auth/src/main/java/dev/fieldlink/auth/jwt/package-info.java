/** Signing keys with rotation and JWKS, and issuing and verifying access tokens and session tickets (ES256). */
package dev.fieldlink.auth.jwt;
