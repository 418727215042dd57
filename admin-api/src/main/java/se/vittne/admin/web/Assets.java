package se.vittne.admin.web;

import org.webjars.WebJarVersionLocator;

/**
 * Where the pages' scripts and styles are served: the webjars' files under {@code /webjars/} (their
 * versions found on the classpath, so that a version bump in the POM needs no template change) and
 * the web app's own under {@code /static/}.
 */
public final class Assets {
  private static final WebJarVersionLocator LOCATOR = new WebJarVersionLocator();

  /** htmx, minified. */
  public static final String HTMX = webjar("htmx.org", "dist/htmx.min.js");

  /** Pico CSS, minified. */
  public static final String PICO = webjar("picocss__pico", "css/pico.min.css");

  private Assets() {}

  private static String webjar(String name, String file) {
    String path = LOCATOR.path(name, file);
    if (path == null) {
      throw new IllegalStateException("the webjar " + name + " with " + file + " is missing");
    }
    return "/webjars/" + path;
  }
}
