package se.vittne.admin.server;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Generic types for {@link ApiDoc} (a list of X, a page of X), which Java cannot write as literals.
 */
public final class Types {
  private Types() {}

  public static Type listOf(Class<?> element) {
    return new Parameterized(List.class, element);
  }

  public static Type pageOf(Class<?> element) {
    return new Parameterized(Page.class, element);
  }

  private record Parameterized(Class<?> raw, Type argument) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {argument};
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }

    @Override
    public String getTypeName() {
      return raw.getTypeName() + "<" + argument.getTypeName() + ">";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType p
          && raw.equals(p.getRawType())
          && p.getOwnerType() == null
          && Arrays.equals(getActualTypeArguments(), p.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(getActualTypeArguments()) ^ raw.hashCode();
    }
  }
}
