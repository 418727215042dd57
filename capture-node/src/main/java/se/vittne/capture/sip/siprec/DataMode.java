package se.vittne.capture.sip.siprec;

/** RFC 7865 section 6.1: a document is the whole picture or only what changed. */
public enum DataMode {
  COMPLETE,
  PARTIAL
}
