package se.vittne.admin.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the precompiled jte templates of {@code src/main/jte} (compiled to Java at build time, so
 * a template that does not type-check fails the build, and nothing is compiled at run time). Every
 * page template takes the frame as {@code view} and its own model as {@code m}.
 */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** The HTML of {@code template} with the frame and a model (which may be absent). */
  public String html(String template, View view, Object model) {
    Map<String, Object> params = new HashMap<>();
    params.put("view", view);
    if (model != null) {
      params.put("m", model);
    }
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    return out.toString();
  }

  /** Answers the request with the page. */
  public void render(Context ctx, String template, View view, Object model) {
    ctx.contentType("text/html; charset=utf-8").result(html(template, view, model));
  }

  public void render(Context ctx, String template, View view) {
    render(ctx, template, view, null);
  }
}
