package nl.wederkerig.api.platform.web.problems;

import org.springframework.http.HttpStatus;

/**
 * A {@link nl.wederkerig.core.shared.RuleViolation} that is answered with a status of its own
 * rather than 422: a file of a kind we do not take (415) or too large (413) says so in its status,
 * as HTTP clients expect.
 */
public interface HttpStatusOfRule {

    HttpStatus httpStatus();
}
