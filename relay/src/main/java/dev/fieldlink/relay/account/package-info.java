/**
 * Personal accounts of technicians, team leads, trainers and administrators: profile, credentials (password hash and
 * sealed TOTP secret), regions, certifications, photo, and the JDBC stores the auth module asks for.
 */
package dev.fieldlink.relay.account;
