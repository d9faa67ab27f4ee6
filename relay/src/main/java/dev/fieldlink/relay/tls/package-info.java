/** TLS for the HTTPS API: the certificate and key (generated self-signed on first start), and Jetty's TLS settings. */
package dev.fieldlink.relay.tls;
