package io.tripline.iam.account;

/**
 * Account data could not be read: a malformed export (with the page and JSON pointer) or a live
 * read that AWS refused. The message says what to do; it never contains credentials.
 */
public final class AccountDataException extends Exception {

  private static final long serialVersionUID = 1L;

  public AccountDataException(String message) {
    super(message);
  }

  public AccountDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
