package se.vittne.admin.directory;

import java.util.List;
import java.util.UUID;
import se.vittne.policy.number.PhoneNumber;
import se.vittne.storage.directory.AnswerGroup;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.DirectNumber;
import se.vittne.storage.directory.DirectoryUser;
import se.vittne.storage.directory.OrgUnit;
import se.vittne.storage.directory.OrgUnitKind;
import se.vittne.storage.directory.UserRole;

/** The bodies of the directory endpoints. */
public final class DirectoryViews {
  private DirectoryViews() {}

  /**
   * A department. The key is what the recording policy refers to; it is made from the name when
   * left out, and never changes.
   */
  public record DepartmentView(UUID id, String key, String name) {
    static DepartmentView of(Department d) {
      return new DepartmentView(d.id(), d.key().value(), d.name());
    }
  }

  public record DepartmentInput(String key, String name) {}

  public record RenameInput(String name) {}

  /** A district, cost centre or office. */
  public record OrgUnitView(UUID id, OrgUnitKind kind, String name) {
    static OrgUnitView of(OrgUnit u) {
      return new OrgUnitView(u.id(), u.kind(), u.name());
    }
  }

  public record OrgUnitInput(OrgUnitKind kind, String name) {}

  /** An answer group (ACD or hunt group); the key is what the recording policy refers to. */
  public record AnswerGroupView(UUID id, String key, String name, String number) {
    static AnswerGroupView of(AnswerGroup g) {
      return new AnswerGroupView(g.id(), g.key().value(), g.name(), g.number().orElse(null));
    }
  }

  public record AnswerGroupInput(String key, String name, String number) {}

  /** A direct number (DDI) in E.164. */
  public record DirectNumberView(UUID id, String number, String name) {
    static DirectNumberView of(DirectNumber n) {
      return new DirectNumberView(n.id(), n.number().e164(), n.name());
    }
  }

  /** A direct number as written: E.164, or as dialled in the tenant's country. */
  public record DirectNumberInput(String number, String name) {}

  /** A user as written. Numbers may be written as dialled in the tenant's country. */
  public record UserInput(
      String name,
      String extension,
      String email,
      String title,
      UUID departmentId,
      UUID districtId,
      UUID costCentreId,
      UUID officeId,
      Boolean recordingEnabled,
      UserRole role,
      List<String> numbers) {}

  /** A user. */
  public record UserView(
      UUID id,
      String name,
      String extension,
      String email,
      String title,
      DepartmentView department,
      UUID districtId,
      UUID costCentreId,
      UUID officeId,
      boolean recordingEnabled,
      UserRole role,
      List<String> numbers,
      UUID loginId) {
    static UserView of(DirectoryUser u, UUID loginId) {
      var d = u.data();
      return new UserView(
          u.id(),
          d.name(),
          d.extension(),
          d.email().orElse(null),
          d.title().orElse(null),
          u.department().map(DepartmentView::of).orElse(null),
          d.district().orElse(null),
          d.costCentre().orElse(null),
          d.office().orElse(null),
          d.recordingEnabled(),
          d.role(),
          d.numbers().stream().map(PhoneNumber::e164).sorted().toList(),
          loginId);
    }
  }

  /**
   * What an import did (or, with dryRun, would do).
   *
   * @param rows the data rows read
   * @param created users added
   * @param updated users whose extension existed
   * @param departmentsCreated departments that did not exist, by name
   * @param loginsCreated logins created and invited
   * @param dryRun whether nothing was written
   */
  public record ImportResult(
      int rows,
      int created,
      int updated,
      List<String> departmentsCreated,
      int loginsCreated,
      boolean dryRun) {}
}
