package se.vittne.capture.sip.stack;

import java.util.Properties;
import se.vittne.capture.sip.SipServerConfig;

/** The stack's properties: names, logging, parser, transport, limits, TLS. */
final class StackProperties {
  private StackProperties() {}

  static Properties of(String name, SipServerConfig config) {
    Properties p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", name);
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
    p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
    p.setProperty(
        "gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", CountingMessageParserFactory.class.getName());
    p.setProperty(
        "gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
        "gov.nist.javax.sip.stack.OIOMessageProcessorFactory");
    p.setProperty(
        "gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.limits().maxMessageBytes()));
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "10000");
    p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "20000");
    config
        .tls()
        .ifPresent(tls -> {
          p.setProperty("javax.net.ssl.keyStore", tls.keyStore().toString());
          p.setProperty("javax.net.ssl.keyStorePassword", tls.keyStorePassword());
          p.setProperty("javax.net.ssl.keyStoreType", tls.keyStoreType());
          tls.trustStore()
              .ifPresent(t -> {
                p.setProperty("javax.net.ssl.trustStore", t.toString());
                p.setProperty("javax.net.ssl.trustStoreType", tls.keyStoreType());
              });
          tls.trustStorePassword()
              .ifPresent(t -> p.setProperty("javax.net.ssl.trustStorePassword", t));
          p.setProperty(
              "gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE",
              switch (tls.clientAuth()) {
                case NONE -> "Disabled";
                case WANT -> "Want";
                case NEED -> "Enabled";
              });
          p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2, TLSv1.3");
          // The stack's default suites are RSA key exchange only, which neither EC keys nor
          // current JDKs accept.
          p.setProperty(
              "gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
              String.join(
                  " ",
                  "TLS_AES_128_GCM_SHA256",
                  "TLS_AES_256_GCM_SHA384",
                  "TLS_CHACHA20_POLY1305_SHA256",
                  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        });
    return p;
  }
}
