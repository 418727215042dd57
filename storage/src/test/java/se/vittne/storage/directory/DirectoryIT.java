package se.vittne.storage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.vittne.policy.DepartmentId;
import se.vittne.policy.GroupId;
import se.vittne.policy.RecordedParty;
import se.vittne.policy.TenantId;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.tenant.TenantSettings;
import se.vittne.storage.testing.PostgresExtension;

class DirectoryIT {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  private static final PhoneNumber MOBILE = PhoneNumber.ofE164("+46701234567");
  private static final PhoneNumber DDI = PhoneNumber.ofE164("+46850500000");

  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());
  private OrganisationRepository organisation;
  private UserRepository users;
  private NumberRepository numbers;
  private Department salesA;
  private OrgUnit officeA;
  private DirectoryUser annaA;
  private AnswerGroup groupA;
  private DirectNumber ddiA;

  @BeforeEach
  void setUp() {
    var tenants = new TenantRepository(POSTGRES.dsl());
    tenants.create(a, TenantSettings.defaults("A", 5));
    tenants.create(b, TenantSettings.defaults("B", 5));
    organisation = new OrganisationRepository(POSTGRES.dsl());
    users = new UserRepository(POSTGRES.dsl());
    numbers = new NumberRepository(POSTGRES.dsl());
    salesA = organisation.createDepartment(a, new DepartmentId("sales"), "Försäljning");
    officeA = organisation.createOrgUnit(a, OrgUnitKind.OFFICE, "Malmö");
    annaA = users.create(a, anna(salesA.id(), officeA.id()));
    groupA = numbers.createGroup(a, new GroupId("support"), "Kundtjänst", Optional.of("7000"));
    ddiA = numbers.createDirectNumber(a, DDI, "Växel");
  }

  private static UserData anna(UUID department, UUID office) {
    return new UserData(
        "Anna Andersson",
        "201",
        Optional.of("anna@a.example"),
        Optional.of("Säljare"),
        Optional.of(department),
        Optional.empty(),
        Optional.empty(),
        Optional.of(office),
        true,
        UserRole.MY_CONSOLE,
        Set.of(MOBILE));
  }

  @Test
  void aUserRoundTripsWithDepartmentAndNumbers() {
    DirectoryUser found = users.find(a, annaA.id()).orElseThrow();

    assertThat(found.data()).isEqualTo(anna(salesA.id(), officeA.id()));
    assertThat(found.department()).contains(salesA);
    assertThat(found.toRecordedParty())
        .isEqualTo(new RecordedParty("201", Optional.of(new DepartmentId("sales")), true));
    assertThat(found.toRecordedUser().department()).contains(salesA.id());
    assertThat(users.list(a)).containsExactly(found);
  }

  @Test
  void theCaptureNodeFindsUsersByExtensionAndByNumber() {
    assertThat(users.byExtension(a, "201")).map(DirectoryUser::id).contains(annaA.id());
    assertThat(users.byNumber(a, MOBILE)).map(DirectoryUser::id).contains(annaA.id());
    assertThat(users.byExtension(a, "999")).isEmpty();
  }

  @Test
  void updatingAUserReplacesTheirNumbers() {
    PhoneNumber other = PhoneNumber.ofE164("+46709999999");
    UserData moved = UserData.of("Anna A", "205");
    moved =
        new UserData(
            moved.name(),
            moved.extension(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            UserRole.NONE,
            Set.of(other));

    assertThat(users.update(a, annaA.id(), moved)).isTrue();

    assertThat(users.byNumber(a, MOBILE)).isEmpty();
    assertThat(users.byNumber(a, other)).map(u -> u.data().extension()).contains("205");
    assertThat(users.find(a, annaA.id()).orElseThrow().department()).isEmpty();
  }

  @Test
  void groupsAndDirectNumbersAreFoundTheWaysThePbxNamesThem() {
    assertThat(numbers.groupByNumber(a, "7000")).contains(groupA);
    assertThat(numbers.groupByName(a, "KUNDTJÄNST")).contains(groupA);
    assertThat(numbers.groupByKey(a, new GroupId("support"))).contains(groupA);
    assertThat(numbers.directNumber(a, DDI)).contains(ddiA);
    assertThat(numbers.updateGroup(a, groupA.id(), "Support", Optional.empty())).isTrue();
    assertThat(numbers.groupByNumber(a, "7000")).isEmpty();
    assertThat(numbers.groups(a)).extracting(AnswerGroup::name).containsExactly("Support");
    assertThat(numbers.directNumbers(a)).containsExactly(ddiA);
  }

  @Test
  void organisationUnitsCanBeRenamedAndRemoved() {
    OrgUnit district = organisation.createOrgUnit(a, OrgUnitKind.DISTRICT, "Syd");

    assertThat(organisation.renameOrgUnit(a, district.id(), "Söder")).isTrue();
    assertThat(organisation.orgUnits(a, OrgUnitKind.DISTRICT))
        .extracting(OrgUnit::name)
        .containsExactly("Söder");
    assertThat(organisation.deleteOrgUnit(a, district.id())).isTrue();
    assertThat(organisation.renameDepartment(a, salesA.id(), "Sälj")).isTrue();
    assertThat(organisation.department(a, salesA.id())).map(Department::name).contains("Sälj");
    assertThat(organisation.departmentByKey(a, new DepartmentId("sales")))
        .map(Department::id)
        .contains(salesA.id());
  }

  @Test
  void anotherTenantSeesNoneOfItAndCanChangeNoneOfIt() {
    assertThat(organisation.departments(b)).isEmpty();
    assertThat(organisation.department(b, salesA.id())).isEmpty();
    assertThat(organisation.departmentByKey(b, salesA.key())).isEmpty();
    assertThat(organisation.renameDepartment(b, salesA.id(), "x")).isFalse();
    assertThat(organisation.deleteDepartment(b, salesA.id())).isFalse();
    assertThat(organisation.orgUnits(b, OrgUnitKind.OFFICE)).isEmpty();
    assertThat(organisation.renameOrgUnit(b, officeA.id(), "x")).isFalse();
    assertThat(organisation.deleteOrgUnit(b, officeA.id())).isFalse();

    assertThat(users.find(b, annaA.id())).isEmpty();
    assertThat(users.list(b)).isEmpty();
    assertThat(users.byExtension(b, "201")).isEmpty();
    assertThat(users.byNumber(b, MOBILE)).isEmpty();
    assertThat(users.update(b, annaA.id(), UserData.of("x", "1"))).isFalse();
    assertThat(users.delete(b, annaA.id())).isFalse();

    assertThat(numbers.groups(b)).isEmpty();
    assertThat(numbers.groupByKey(b, groupA.key())).isEmpty();
    assertThat(numbers.groupByNumber(b, "7000")).isEmpty();
    assertThat(numbers.groupByName(b, "Kundtjänst")).isEmpty();
    assertThat(numbers.updateGroup(b, groupA.id(), "x", Optional.empty())).isFalse();
    assertThat(numbers.deleteGroup(b, groupA.id())).isFalse();
    assertThat(numbers.directNumbers(b)).isEmpty();
    assertThat(numbers.directNumber(b, DDI)).isEmpty();
    assertThat(numbers.deleteDirectNumber(b, ddiA.id())).isFalse();

    // everything of A is still there, unchanged
    assertThat(users.find(a, annaA.id()).orElseThrow().data())
        .isEqualTo(anna(salesA.id(), officeA.id()));
    assertThat(organisation.departments(a)).containsExactly(salesA);
    assertThat(numbers.groups(a)).containsExactly(groupA);
    assertThat(numbers.directNumbers(a)).containsExactly(ddiA);
  }

  @Test
  void theSameExtensionAndNumbersMayExistInAnotherTenant() {
    Department salesB = organisation.createDepartment(b, new DepartmentId("sales"), "Sales");
    DirectoryUser annaB =
        users.create(
            b, anna(salesB.id(), organisation.createOrgUnit(b, OrgUnitKind.OFFICE, "Oslo").id()));
    numbers.createDirectNumber(b, DDI, "Switchboard");
    AnswerGroup groupB = numbers.createGroup(b, groupA.key(), "Support B", Optional.of("7000"));

    assertThat(numbers.groupByNumber(b, "7000")).contains(groupB);
    assertThat(numbers.groupByNumber(a, "7000")).contains(groupA);

    assertThat(users.byExtension(b, "201")).map(DirectoryUser::id).contains(annaB.id());
    assertThat(users.byNumber(a, MOBILE)).map(DirectoryUser::id).contains(annaA.id());
    assertThat(numbers.directNumber(b, DDI)).map(DirectNumber::name).contains("Switchboard");
  }

  @Test
  void aUserCannotBePutInAnotherTenantsDepartment() {
    UserData inA = anna(salesA.id(), officeA.id());
    UserData intoB =
        new UserData(
            "Eve",
            "666",
            Optional.empty(),
            Optional.empty(),
            inA.department(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            UserRole.NONE,
            Set.of());

    assertThatThrownBy(() -> users.create(b, intoB)).isInstanceOf(DataAccessException.class);
    assertThat(users.list(b)).isEmpty();
  }

  @Test
  void deletingAUserRemovesTheirNumbers() {
    assertThat(users.delete(a, annaA.id())).isTrue();
    assertThat(users.byNumber(a, MOBILE)).isEmpty();
    assertThat(numbers.deleteGroup(a, groupA.id())).isTrue();
    assertThat(numbers.deleteDirectNumber(a, ddiA.id())).isTrue();
    assertThat(organisation.deleteDepartment(a, salesA.id())).isTrue();
  }
}
