package dk.raaderum.platform.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method (or class) under {@code /municipalities/{municipalityCode}/}: callers with one of these
 * roles may use it for any municipality, not only the one in their {@code municipality} claim. Everyone else is
 * still held to their own municipality. What such a caller may see is the service's rule (e.g. KL curators
 * never see drafts).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface CrossMunicipality {

    /** Roles that may cross municipalities here. */
    String[] value();
}
