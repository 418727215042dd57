package se.vittne.storage.testing;

import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import se.vittne.storage.db.Database;
import se.vittne.storage.db.DatabaseConfig;
import se.vittne.storage.db.EmbeddedPostgresServer;

/**
 * Gives a test class its own migrated, empty PostgreSQL database on the JVM's shared embedded
 * server, and drops it afterwards. Either register it in a static field and ask it for the
 * database:
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
 * ... POSTGRES.dsl() ...
 * }</pre>
 *
 * or use {@code @ExtendWith(PostgresExtension.class)} and take a {@link TestDatabase}, {@link
 * DataSource} or {@link DSLContext} as a constructor or method parameter.
 */
public final class PostgresExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);
  private static final int POOL_SIZE = 10;

  private TestDatabase database;

  @Override
  public void beforeAll(ExtensionContext context) {
    String name = SharedPostgres.newDatabase();
    EmbeddedPostgresServer server = SharedPostgres.server();
    DatabaseConfig config = server.config(name, POOL_SIZE);
    database = new TestDatabase(name, config, Database.connect(config));
    context.getStore(NAMESPACE).put(context.getRequiredTestClass(), database);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestDatabase db =
        context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), TestDatabase.class);
    if (db != null) {
      db.database().close();
      SharedPostgres.server().dropDatabase(db.name());
    }
  }

  /** The database of the running test class. */
  public TestDatabase database() {
    return Objects.requireNonNull(database, "the extension has not started yet");
  }

  public DataSource dataSource() {
    return database().dataSource();
  }

  public DSLContext dsl() {
    return database().dsl();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == DataSource.class || type == DSLContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase db = find(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == DataSource.class) {
      return db.dataSource();
    }
    if (type == DSLContext.class) {
      return db.dsl();
    }
    return db;
  }

  private static TestDatabase find(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      if (c.getTestClass().isPresent()) {
        TestDatabase db = c.getStore(NAMESPACE).get(c.getRequiredTestClass(), TestDatabase.class);
        if (db != null) {
          return db;
        }
      }
    }
    throw new IllegalStateException("no database: is PostgresExtension registered on the class?");
  }
}
