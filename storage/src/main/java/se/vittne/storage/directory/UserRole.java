package se.vittne.storage.directory;

/** A directory user's web role; NONE means recorded but without web access. */
public enum UserRole {
  NONE,
  MY_CONSOLE,
  SUPER,
  RESTRICTED
}
