package se.vittne.admin.web.config;

import static se.vittne.admin.access.Permission.MANAGE_DIRECTORY;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import se.vittne.admin.access.Principal;
import se.vittne.admin.directory.DirectoryViews.ImportResult;
import se.vittne.admin.directory.UserImport;
import se.vittne.admin.server.ClientInfo;
import se.vittne.admin.server.ProblemException;
import se.vittne.admin.server.RouteModule;
import se.vittne.admin.server.Routes;
import se.vittne.admin.web.Pages;
import se.vittne.admin.web.Templates;
import se.vittne.admin.web.View;
import se.vittne.admin.web.WebProblems;

/**
 * Configuration > Directory import: upload the PBX's user list as CSV; every row is checked
 * first, and either all rows are imported or none, with each wrong row's line and what is wrong.
 * "Check only" runs the checks without importing.
 */
public final class ImportPages implements RouteModule {
  private static final String PAGE = "/config/import";
  private static final int MAX_BYTES = 2 * 1024 * 1024;

  private final UserImport imports;
  private final Templates templates;

  public ImportPages(UserImport imports, Templates templates) {
    this.imports = imports;
    this.templates = templates;
  }

  /**
   * The page: what the last upload did.
   *
   * @param result the import's outcome
   * @param errors each wrong row, in the page's language
   * @param message a problem with the file as a whole
   */
  public record ImportModel(Optional<ImportResult> result, List<String> errors, String message) {}

  @Override
  public void register(Routes routes) {
    Pages.doc(routes.get(PAGE, MANAGE_DIRECTORY, this::page), "Directory import");
    Pages.doc(routes.post(PAGE, MANAGE_DIRECTORY, this::upload), "Upload a CSV file of users");
  }

  private void page(Context ctx, Principal p) {
    templates.render(
        ctx,
        "config/import.jte",
        View.of(ctx, p, View.Section.CONFIGURATION),
        new ImportModel(Optional.empty(), List.of(), ""));
  }

  private void upload(Context ctx, Principal p) throws IOException {
    View view = View.of(ctx, p, View.Section.CONFIGURATION);
    UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
    ImportModel model;
    if (file == null || file.size() == 0) {
      ctx.status(422);
      model = new ImportModel(Optional.empty(), List.of(), view.t("import.noFile"));
    } else if (file.size() > MAX_BYTES) {
      ctx.status(413);
      model = new ImportModel(Optional.empty(), List.of(), view.t("import.tooLarge"));
    } else {
      Optional<String> text = text(file);
      if (text.isEmpty()) {
        ctx.status(422);
        model = new ImportModel(Optional.empty(), List.of(), view.t("import.notUtf8"));
      } else {
        boolean dryRun = ctx.formParam("dryRun") != null;
        try {
          ImportResult result =
              imports.run(p, ClientInfo.of(ctx), p.tenantId(), text.get(), dryRun);
          model = new ImportModel(Optional.of(result), List.of(), "");
        } catch (ProblemException.Invalid e) {
          ctx.status(422);
          model =
              new ImportModel(
                  Optional.empty(),
                  e.fieldErrors().stream().map(f -> WebProblems.fieldError(view.t(), f)).toList(),
                  view.t("import.failed", e.fieldErrors().size()));
        }
      }
    }
    templates.render(ctx, "config/import.jte", view, model);
  }

  private static Optional<String> text(UploadedFile file) throws IOException {
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
