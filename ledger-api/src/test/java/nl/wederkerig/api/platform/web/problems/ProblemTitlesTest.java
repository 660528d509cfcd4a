package nl.wederkerig.api.platform.web.problems;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.wederkerig.core.shared.InWrongState;
import nl.wederkerig.core.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.objenesis.ObjenesisStd;

import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every business rule the domain can break has a stable code with a Dutch and an English title. */
class ProblemTitlesTest {

    /** Kinds of record that raise InWrongState, whose code is built from the kind. */
    static final Set<String> IN_WRONG_STATE_KINDS = Set.of("claim", "errand", "help");

    @Test
    void everyRuleViolationHasTitlesInBothLanguages() throws Exception {
        Set<String> codes = new TreeSet<>();
        ObjenesisStd objenesis = new ObjenesisStd();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.wederkerig.core")) {
            Class<?> violation = type.reflect();
            if (RuleViolation.class.isAssignableFrom(violation) && !Modifier.isAbstract(violation.getModifiers())
                    && violation != InWrongState.class) {
                // Codes are constants of the class: read one without running a constructor.
                codes.add(((RuleViolation) objenesis.newInstance(violation)).code());
            }
        }
        IN_WRONG_STATE_KINDS.forEach(kind -> codes.add(kind + "-not-in-this-state"));

        assertThat(codes).hasSizeGreaterThan(40);
        assertThat(codes).allSatisfy(code -> {
            assertThat(code).matches("[a-z]+(-[a-z]+)*");
            assertThat(ProblemTitles.knows(code)).as("titles for " + code).isTrue();
            assertThat(ProblemTitles.title(code, Locale.ENGLISH))
                    .isNotEqualTo(ProblemTitles.title(code, Locale.forLanguageTag("nl")));
        });
    }
}
