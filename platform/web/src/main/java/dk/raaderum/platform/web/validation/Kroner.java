package dk.raaderum.platform.web.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dk.raaderum.platform.events.YearAmount;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An amount in whole kroner that any API of the platform accepts: at most {@link YearAmount#MAX_ABS} (1,000 mia.
 * kr.) either way, so sums over many rows and years stay exact in a {@code long}. The one bound for every amount
 * field of every service; combine with {@code @Min(0)} where only gains or costs make sense. Fractions never get here:
 * the JSON mapper refuses {@code -1.5} for a whole-kroner field.
 */
@Documented
@Min(-YearAmount.MAX_ABS)
@Max(YearAmount.MAX_ABS)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface Kroner {

    /** What a refused field is told. */
    String MESSAGE = "must be whole kroner between -1000000000000 and 1000000000000";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
