/** RFB codec, remote-screen view, recording and replay; knows nothing of SSH or the relay. */
package dev.fieldlink.viewer;
