/** The sign-in screen: relay address and trust, username, password, TOTP code; its controller and view. */
package dev.fieldlink.console.ui.login;
