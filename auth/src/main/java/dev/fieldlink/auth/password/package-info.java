/** Password hashing (Argon2id, PHC strings) and the rules a new password must meet. */
package dev.fieldlink.auth.password;
