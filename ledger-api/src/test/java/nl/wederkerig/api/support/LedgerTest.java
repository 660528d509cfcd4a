package nl.wederkerig.api.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one application context all HTTP tests share. Keep it identical everywhere: a second
 * context would run a second set of event processors against the same token table (PostgreSQL
 * profile) and the two would compete for it. Every HTTP exchange is checked against the API's
 * OpenAPI document ({@link ContractValidation}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ContractValidation.class)
public @interface LedgerTest {
}
