/** Our client against real VNC servers, and real VNC clients against our server. */
package dev.fieldlink.viewer.interop;
