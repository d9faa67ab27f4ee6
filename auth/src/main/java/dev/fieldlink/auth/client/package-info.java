/** The console's side: token store, bearer interceptor, and an authenticator that refreshes once on 401. */
package dev.fieldlink.auth.client;
