package se.vittne.admin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.admin.testing.AdminExtension;
import se.vittne.admin.testing.Api;
import se.vittne.admin.testing.Mailbox;
import se.vittne.admin.testing.Seed;
import se.vittne.policy.TenantId;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.LoginRole;
import se.vittne.storage.testing.PostgresExtension;

/**
 * The CSV import of users: every row checked, errors per line, nothing imported unless all
 * rows are valid, and the R-21 e-mails for the logins it creates.
 */
class UserImportIT {
  @RegisterExtension
  @Order(1)
  static final PostgresExtension POSTGRES = new PostgresExtension();

  @RegisterExtension
  @Order(2)
  static final GreenMailExtension MAIL = AdminExtension.greenMail();

  @RegisterExtension
  @Order(3)
  static final AdminExtension ADMIN = new AdminExtension(POSTGRES, MAIL);

  private TenantId tenant;
  private Api admin;

  @BeforeEach
  void setUp() {
    tenant = ADMIN.seed().tenant("Bolaget AB");
    admin = ADMIN.as(ADMIN.seed().login(tenant, LoginRole.SUPER).email());
  }

  private Api.Response upload(String csv) {
    return admin.send("POST", "/api/v1/users/import", "text/csv; charset=utf-8", csv);
  }

  @Test
  void aValidFileImportsUsersDepartmentsAndLoginsAndInvitesThem() {
    String anna = Seed.email("anna");
    String bo = Seed.email("bo");
    String csv =
        "extension,name,email,department,recording_enabled,role\n"
            + "1001,Anna Andersson,"
            + anna
            + ",Försäljning,yes,super\n"
            + "1002,\"Bo Berg, jr\","
            + bo
            + ",Försäljning,ja,restricted\n"
            + "1003,Cecilia Ceder,,Support,no,none\n";

    Api.Response r = upload(csv);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode result = r.json();
    assertThat(result.path("rows").asInt()).isEqualTo(3);
    assertThat(result.path("created").asInt()).isEqualTo(3);
    assertThat(result.path("loginsCreated").asInt()).isEqualTo(2);
    assertThat(result.path("departmentsCreated").toString()).contains("Försäljning", "Support");
    var users = new UserRepository(ADMIN.dsl()).list(tenant);
    assertThat(users)
        .extracting(u -> u.data().name())
        .containsExactly("Anna Andersson", "Bo Berg, jr", "Cecilia Ceder");
    assertThat(users.get(0).data().recordingEnabled()).isTrue();
    assertThat(users.get(2).data().recordingEnabled()).isFalse();
    assertThat(users.get(1).department().orElseThrow().name()).isEqualTo("Försäljning");
    var logins = new LoginRepository(ADMIN.dsl());
    assertThat(logins.findByEmail(bo).orElseThrow().role()).isEqualTo(LoginRole.RESTRICTED);
    assertThat(logins.findByEmail(bo).orElseThrow().departments())
        .containsExactly(users.get(1).department().orElseThrow().id());
    for (String email : List.of(anna, bo)) {
      List<Mailbox.Mail> mails = ADMIN.mailbox().await(email, 2);
      assertThat(mails)
          .extracting(Mailbox.Mail::subject)
          .containsExactlyInAnyOrder(
              "Din inloggning till Vittne", "Ditt tillfälliga lösenord till Vittne");
      assertThat(String.join("\n", mails.stream().map(Mailbox.Mail::body).toList()))
          .contains("Bolaget AB")
          .contains(email);
    }
  }

  @Test
  void anyInvalidRowAndNothingIsImportedAndEveryErrorNamesItsLine() {
    String valid = Seed.email("valid");
    String csv =
        "extension;name;email;department;recording_enabled;role\n"
            + "2001;Valid Person;"
            + valid
            + ";Sälj;yes;super\n"
            + ";Missing Extension;;Sälj;yes;none\n"
            + "2003;;;Sälj;maybe;none\n"
            + "2004;Bad Mail;not-an-email;Sälj;no;wizard\n"
            + "2001;Duplicate;;Sälj;no;none\n"
            + "2006;No Mail;;Sälj;no;my_console\n";

    Api.Response r = upload(csv);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.problem()).isEqualTo("validation-failed");
    assertThat(r.json().path("detail").asText()).contains("nothing was imported");
    List<String> errors = new ArrayList<>();
    for (JsonNode e : r.json().path("errors")) {
      errors.add(
          e.path("line").asInt() + " " + e.path("field").asText() + " " + e.path("code").asText());
    }
    assertThat(errors)
        .containsExactly(
            "3 extension required",
            "4 name required",
            "4 recording_enabled invalid-value",
            "5 email not-an-email",
            "5 role invalid-value",
            "6 extension duplicate",
            "7 email required");
    assertThat(new UserRepository(ADMIN.dsl()).list(tenant)).isEmpty();
    assertThat(new OrganisationRepository(ADMIN.dsl()).departments(tenant)).isEmpty();
    assertThat(new LoginRepository(ADMIN.dsl()).findByEmail(valid)).isEmpty();
    assertThat(ADMIN.mailbox().settle(valid, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void anAddressThatAlreadyHasALoginIsAnErrorOfItsLine() {
    String taken = ADMIN.seed().login(ADMIN.seed().tenant("Annan AB"), LoginRole.SUPER).email();

    Api.Response r =
        upload("extension,name,email,role\n3001,Ok,,none\n3002,Taken," + taken + ",my_console\n");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("errors").get(0).path("line").asInt()).isEqualTo(3);
    assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("email-in-use");
    assertThat(new UserRepository(ADMIN.dsl()).list(tenant)).isEmpty();
  }

  @Test
  void aFileThatIsNotCsvOrLacksColumnsIsRefused() {
    Api.Response missing = upload("name,department\nAnna,Sälj\n");
    Api.Response broken = upload("extension,name\n\"1001,Anna\n");
    Api.Response empty = upload("");
    Api.Response json = admin.post("/api/v1/users/import", Map.of("extension", "1"));

    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().path("errors").get(0).path("code").asText())
        .isEqualTo("missing-column");
    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.json().path("errors").get(0).path("code").asText()).isEqualTo("not-csv");
    assertThat(empty.status()).isEqualTo(422);
    assertThat(json.status()).isEqualTo(415);
  }

  @Test
  void aDryRunChecksAndTellsButWritesNothing() {
    Api.Response r =
        admin.send(
            "POST",
            "/api/v1/users/import?dryRun=true",
            "text/csv",
            "anknytning;namn;e-post;avdelning;inspelning;roll\n4001;Dag;"
                + Seed.email("dag")
                + ";Ny;ja;super\n");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("dryRun").asBoolean()).isTrue();
    assertThat(r.json().path("created").asInt()).isEqualTo(1);
    assertThat(r.json().path("loginsCreated").asInt()).isEqualTo(1);
    assertThat(new UserRepository(ADMIN.dsl()).list(tenant)).isEmpty();
  }

  @Test
  void importingAgainUpdatesUsersByExtension() {
    String email = Seed.email("eva");
    assertThat(
            upload(
                    "extension,name,email,department,recording_enabled,role\n5001,Eva,"
                        + email
                        + ",Sälj,no,my_console\n")
                .status())
        .isEqualTo(200);

    Api.Response again =
        upload(
            "\uFEFFextension,name,email,department,recording_enabled,role\r\n5001,Eva Ek,"
                + email
                + ",sälj,yes,super\r\n");

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("updated").asInt()).isEqualTo(1);
    assertThat(again.json().path("departmentsCreated")).as("matched ignoring case").isEmpty();
    assertThat(again.json().path("loginsCreated").asInt()).isZero();
    var user = new UserRepository(ADMIN.dsl()).byExtension(tenant, "5001").orElseThrow();
    assertThat(user.data().name()).isEqualTo("Eva Ek");
    assertThat(user.data().recordingEnabled()).isTrue();
    assertThat(new LoginRepository(ADMIN.dsl()).findByEmail(email).orElseThrow().role())
        .isEqualTo(LoginRole.SUPER);
    assertThat(ADMIN.mailbox().settle(email, Duration.ofMillis(500))).hasSize(2);
  }
}
