package dev.fieldlink.relay.api;

import dev.fieldlink.auth.jwt.AccessClaims;
import dev.fieldlink.relay.account.Account;

/** Who made an API request: the signed-in account (freshly loaded) and the access token's claims. */
record Caller(Account account, AccessClaims claims) {}
