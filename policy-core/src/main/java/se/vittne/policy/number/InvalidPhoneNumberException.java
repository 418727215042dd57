package se.vittne.policy.number;

/** Thrown when a text is not a phone number that can be normalised to E.164. */
public final class InvalidPhoneNumberException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_ECHO = 64;

  private final String input;
  private final String reason;

  public InvalidPhoneNumberException(String input, String reason) {
    super("'" + echo(input) + "' is not a phone number: " + reason);
    this.input = input;
    this.reason = reason;
  }

  /** The text that was rejected. */
  public String input() {
    return input;
  }

  /** Why it was rejected, in words. */
  public String reason() {
    return reason;
  }

  private static String echo(String input) {
    return input.length() <= MAX_ECHO ? input : input.substring(0, MAX_ECHO) + "...";
  }
}
