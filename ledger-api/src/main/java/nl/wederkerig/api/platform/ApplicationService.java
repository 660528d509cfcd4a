package nl.wederkerig.api.platform;

import org.springframework.stereotype.Service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a capability's application service: the one class that does what a request means (access
 * check, business day, building and sending the command, the answer), whichever front door the
 * request came through. REST controllers and pages call it; neither sends a command itself.
 * {@code ArchitectureTest} holds every public method of such a class to an access check.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Service
public @interface ApplicationService {
}
