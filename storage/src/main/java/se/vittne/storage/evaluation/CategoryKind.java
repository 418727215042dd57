package se.vittne.storage.evaluation;

/** The two lists of categories a note chooses from. */
public enum CategoryKind {
  CALL_RESULT,
  CUSTOMER_RESPONSE
}
