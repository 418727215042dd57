package se.vittne.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few repository methods that deliberately do not take a tenant: operator functions,
 * lookups that find the tenant (a trunk by source address, a login by e-mail, a session or share
 * link by its token) and the jobs that sweep every tenant. Every other public repository method
 * takes a {@link se.vittne.policy.TenantId} as its first parameter, and a test checks that.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcrossTenants {
  /** Why this method may not be scoped to one tenant. */
  String value();
}
