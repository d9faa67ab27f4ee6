/**
 * Identity: passwords, TOTP, JWT, refresh tokens, lockout; the client-side token store. This package holds what the
 * features share: the {@link dev.fieldlink.auth.AuthException} root, owner-only files, and the secret cipher.
 */
package dev.fieldlink.auth;
