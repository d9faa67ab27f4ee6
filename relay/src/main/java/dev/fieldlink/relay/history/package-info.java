/** Session histories for team leads: filtered, paged lists, full audit timelines and recording access. */
package dev.fieldlink.relay.history;
