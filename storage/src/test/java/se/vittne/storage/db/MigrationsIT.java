package se.vittne.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import se.vittne.storage.testing.SharedPostgres;

class MigrationsIT {
  @Test
  void migrationsApplyToAnEmptyDatabaseAndASecondRunAppliesNothing() {
    var server = SharedPostgres.server();
    String name = "empty_" + System.nanoTime();
    server.createDatabase(name, null);
    try {
      Migrations.Result first = Migrations.migrate(server.unpooled(name));
      Migrations.Result second = Migrations.migrate(server.unpooled(name));

      assertThat(first.applied()).isGreaterThanOrEqualTo(7);
      assertThat(second.applied()).isZero();
      DSLContext dsl = Jooq.dsl(server.unpooled(name));
      assertThat(
              dsl.fetchValue(
                  "select count(*) from information_schema.tables where table_schema = 'public'"
                      + " and table_name in ('tenant', 'recording', 'audit_log', 'licence_lease',"
                      + " 'policy_version', 'scheduled_tasks', 'share_link')"))
          .isEqualTo(7L);
    } finally {
      server.dropDatabase(name);
    }
  }

  @Test
  void theAuditLogRefusesUpdatesDeletesAndTruncation() {
    var server = SharedPostgres.server();
    String name = SharedPostgres.newDatabase();
    try {
      DSLContext dsl = Jooq.dsl(server.unpooled(name));
      dsl.execute("insert into audit_log (at, actor, action) values (now(), 'test', 'TEST')");

      assertThatThrownBy(() -> dsl.execute("update audit_log set actor = 'someone else'"))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> dsl.execute("delete from audit_log"))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> dsl.execute("truncate audit_log"))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("append-only");
      assertThat(dsl.fetchValue("select actor from audit_log")).isEqualTo("test");
    } finally {
      server.dropDatabase(name);
    }
  }
}
