package se.vittne.admin.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import se.vittne.admin.RecordingModules;
import se.vittne.admin.access.Access;
import se.vittne.admin.access.Permission;
import se.vittne.admin.access.Principal;
import se.vittne.admin.access.Verdict;
import se.vittne.admin.directory.OrganisationService;
import se.vittne.admin.recordings.RecordingFilters;
import se.vittne.admin.recordings.RecordingSummary;
import se.vittne.storage.directory.Department;
import se.vittne.storage.directory.OrgUnit;
import se.vittne.storage.directory.OrgUnitKind;
import se.vittne.storage.recording.RecordingQuery;
import se.vittne.storage.recording.RecordingRepository;

/**
 * The filter panel of R-51, shared by the recordings list and the delete page. Its fields carry the
 * API's query parameter names, so the page's address is the API's search and the same {@link
 * RecordingFilters} reads both; what the panel leaves empty is left out.
 */
public final class Filters {
  /** The most rows a page shows, even when no limit is asked for: more is for the API or a ZIP. */
  public static final int PAGE_CAP = 5000;

  private static final Set<String> NAMES =
      RecordingFilters.PARAMETERS.stream()
          .map(RecordingFilters.Parameter::name)
          .collect(Collectors.toUnmodifiableSet());

  private final OrganisationService organisation;
  private final RecordingModules.Services recordings;
  private final DSLContext dsl;

  public Filters(
      OrganisationService organisation, RecordingModules.Services recordings, DSLContext dsl) {
    this.organisation = organisation;
    this.recordings = recordings;
    this.dsl = dsl;
  }

  /**
   * The panel as the page shows it.
   *
   * @param values the filters in force
   * @param departments the tenant's departments (for those who may see the organisation)
   * @param districts its districts
   * @param costCentres its cost centres
   * @param offices its offices
   * @param errors what is wrong with the filters, in the page's language
   */
  public record Panel(
      Map<String, List<String>> values,
      List<Department> departments,
      List<OrgUnit> districts,
      List<OrgUnit> costCentres,
      List<OrgUnit> offices,
      List<String> errors) {
    public String get(String name) {
      List<String> v = values.get(name);
      return v == null || v.isEmpty() ? "" : v.getFirst();
    }

    public String get(String name, String otherwise) {
      String v = get(name);
      return v.isEmpty() ? otherwise : v;
    }

    /** Whether a repeatable filter has {@code value} chosen (nothing chosen counts as all). */
    public boolean chosen(String name, String value) {
      List<String> v = values.get(name);
      return v == null || v.isEmpty() || v.contains(value);
    }

    /** Whether a list filter names {@code value} explicitly. */
    public boolean named(String name, String value) {
      List<String> v = values.get(name);
      return v != null && v.contains(value);
    }

    /** Whether anything beyond the default (today, 1000 rows) is asked for. */
    public boolean active() {
      return !values.isEmpty();
    }
  }

  /**
   * The rows found.
   *
   * @param rows the recordings, in the order asked for
   * @param truncated whether more match than were shown
   * @param limit the limit asked for (0: none)
   * @param from the period's start
   * @param to the period's end (exclusive)
   */
  public record Result(
      List<RecordingSummary> rows, boolean truncated, int limit, Instant from, Instant to) {}

  /** The filter parameters of the request: known names only, blanks left out. */
  public static Map<String, List<String>> parameters(Context ctx) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach((name, values) -> {
          if (!NAMES.contains(name)) {
            return;
          }
          List<String> kept =
              values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
          if (!kept.isEmpty()) {
            out.put(name, kept);
          }
        });
    // "any" is what no choice means
    if (List.of("any").equals(out.get("evaluated"))) {
      out.remove("evaluated");
    }
    if (List.of("any").equals(out.get("officeHours"))) {
      out.remove("officeHours");
    }
    return out;
  }

  public Panel panel(Principal p, Map<String, List<String>> values, List<String> errors) {
    boolean organisationVisible = Access.check(p, Permission.VIEW_ORGANISATION) == Verdict.ALLOWED;
    if (!organisationVisible) {
      return new Panel(values, List.of(), List.of(), List.of(), List.of(), errors);
    }
    return new Panel(
        values,
        organisation.departments(p.tenantId()),
        organisation.orgUnits(p.tenantId(), Optional.of(OrgUnitKind.DISTRICT)),
        organisation.orgUnits(p.tenantId(), Optional.of(OrgUnitKind.COST_CENTRE)),
        organisation.orgUnits(p.tenantId(), Optional.of(OrgUnitKind.OFFICE)),
        errors);
  }

  /**
   * Runs the search as the API's list does, within the login's scope, reading one row past the
   * limit to tell whether there are more.
   *
   * @throws se.vittne.admin.recordings.InvalidQuery naming every wrong filter
   */
  public Result search(Principal p, Map<String, List<String>> values) {
    RecordingQuery asked = recordings.search().query(p, values);
    int limit = asked.limit();
    int shown = limit == 0 ? PAGE_CAP : Math.min(limit, PAGE_CAP);
    Map<String, List<String>> probe = new LinkedHashMap<>(values);
    probe.put("limit", List.of(Integer.toString(shown + 1)));
    RecordingQuery query = recordings.search().query(p, probe);
    ZoneId zone = recordings.access().settings(p.tenantId()).timeZone();
    List<RecordingSummary> rows = new ArrayList<>();
    boolean[] truncated = {false};
    new RecordingRepository(dsl)
        .search(
            p.tenantId(),
            recordings.access().scope(p),
            query,
            item -> {
              if (rows.size() == shown) {
                truncated[0] = true;
              } else {
                rows.add(RecordingSummary.of(item, zone));
              }
            });
    return new Result(rows, truncated[0], limit, asked.period().from(), asked.period().to());
  }
}
