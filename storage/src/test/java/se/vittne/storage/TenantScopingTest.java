package se.vittne.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.vittne.policy.TenantId;
import se.vittne.storage.audit.AuditLog;
import se.vittne.storage.deletion.DeletionRequestRepository;
import se.vittne.storage.directory.NumberRepository;
import se.vittne.storage.directory.OrganisationRepository;
import se.vittne.storage.directory.UserRepository;
import se.vittne.storage.evaluation.EvaluationRepository;
import se.vittne.storage.licence.LicenceLeases;
import se.vittne.storage.login.ApiTokenRepository;
import se.vittne.storage.login.LoginRepository;
import se.vittne.storage.login.PasswordResetRepository;
import se.vittne.storage.login.SessionRepository;
import se.vittne.storage.notes.NoteRepository;
import se.vittne.storage.policy.PolicyRepository;
import se.vittne.storage.recording.RecordingRepository;
import se.vittne.storage.recording.UnrecordedCallRepository;
import se.vittne.storage.sharing.ShareLinkRepository;
import se.vittne.storage.tenant.TenantRepository;
import se.vittne.storage.trunk.TrunkRepository;

/**
 * Guards R-10 structurally: every public method of every repository takes the tenant first or is
 * explicitly marked as spanning tenants, and every tenant-taking method is called with a second
 * tenant ("b") in some integration test, where the test asserts that it neither returns nor changes
 * the first tenant's rows.
 */
class TenantScopingTest {
  static final List<Class<?>> REPOSITORIES =
      List.of(
          TenantRepository.class,
          TrunkRepository.class,
          OrganisationRepository.class,
          UserRepository.class,
          NumberRepository.class,
          LoginRepository.class,
          SessionRepository.class,
          PasswordResetRepository.class,
          ApiTokenRepository.class,
          PolicyRepository.class,
          RecordingRepository.class,
          se.vittne.storage.recording.CallCountRepository.class,
          se.vittne.storage.recording.WaveformRepository.class,
          UnrecordedCallRepository.class,
          NoteRepository.class,
          EvaluationRepository.class,
          ShareLinkRepository.class,
          DeletionRequestRepository.class,
          AuditLog.class,
          LicenceLeases.class);

  private static List<Method> publicMethods(Class<?> type) {
    return Stream.of(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .toList();
  }

  @Test
  void everyRepositoryMethodTakesTheTenantFirstOrSaysWhyNot() {
    List<String> offenders = new ArrayList<>();
    for (Class<?> type : REPOSITORIES) {
      for (Method m : publicMethods(type)) {
        boolean scoped = m.getParameterCount() > 0 && m.getParameterTypes()[0] == TenantId.class;
        AcrossTenants across = m.getAnnotation(AcrossTenants.class);
        if (!scoped && (across == null || across.value().isBlank())) {
          offenders.add(type.getSimpleName() + "." + m.getName());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void everyTenantScopedMethodIsCalledAsAnotherTenantInSomeTest() throws IOException {
    String tests = testSources();
    List<String> untested = new ArrayList<>();
    for (Class<?> type : REPOSITORIES) {
      for (Method m : publicMethods(type)) {
        if (m.getParameterCount() > 0 && m.getParameterTypes()[0] == TenantId.class) {
          Pattern call = Pattern.compile("\\." + m.getName() + "\\(\\s*[bB]\\s*[,)]");
          if (!call.matcher(tests).find()) {
            untested.add(type.getSimpleName() + "." + m.getName());
          }
        }
      }
    }
    assertThat(untested).isEmpty();
  }

  private static String testSources() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith("IT.java")).toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    return all.toString();
  }
}
