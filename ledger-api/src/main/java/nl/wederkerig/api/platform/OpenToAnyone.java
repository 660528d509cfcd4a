package nl.wederkerig.api.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An application-service method that needs no log-in, because the request proves itself otherwise
 * (a one-time setup token, an invitation or reset code). The reason is required and read in review;
 * {@code ArchitectureTest} lets only such methods go without a call to {@code Access}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OpenToAnyone {

    /** What the request proves instead of a log-in. */
    String value();
}
