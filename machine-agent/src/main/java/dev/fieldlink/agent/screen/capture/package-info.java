/** The real desktop as a screen source: captured with {@code java.awt.Robot}, changed tiles only, Robot input. */
package dev.fieldlink.agent.screen.capture;
