package se.vittne.admin.server;

/**
 * A feature's endpoints. {@code AdminApplication} lists every module in one place; each module
 * registers its routes, with their permissions and descriptions, in its {@link #register}.
 */
@FunctionalInterface
public interface RouteModule {
  void register(Routes routes);
}
