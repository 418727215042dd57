package se.vittne.admin.server;

import io.javalin.http.Context;
import java.util.Objects;

/**
 * Where a request comes from: the client's address (for throttling and the audit log) and whether
 * it reached us over TLS (for Secure cookies), seen through a configured TLS proxy if there is one.
 *
 * @param address the client's IP address
 * @param secure whether the client's connection is HTTPS
 */
public record ClientInfo(String address, boolean secure) {
  static final String ATTRIBUTE = "vittne.client";

  public ClientInfo {
    Objects.requireNonNull(address, "address");
  }

  /** The request's client, as the server resolved it before any handler ran. */
  public static ClientInfo of(Context ctx) {
    ClientInfo client = ctx.attribute(ATTRIBUTE);
    if (client == null) {
      throw new IllegalStateException("the server resolves the client before every handler");
    }
    return client;
  }
}
