package nl.wederkerig.api.platform.web.problems;

import nl.wederkerig.api.support.EngineNeutral;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.wederkerig.core.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.objenesis.ObjenesisStd;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every business rule the domain can break has a stable code with a Dutch and an English title. */
@EngineNeutral
class ProblemTitlesTest {

    @Test
    void everyRuleViolationHasTitlesInBothLanguages() throws Exception {
        Set<String> codes = new TreeSet<>();
        ObjenesisStd objenesis = new ObjenesisStd();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.wederkerig.core", "nl.wederkerig.statements", "nl.wederkerig.api")) {
            Class<?> violation = type.reflect();
            if (RuleViolation.class.isAssignableFrom(violation) && !Modifier.isAbstract(violation.getModifiers())) {
                codes.addAll(codesOf(violation, objenesis));
            }
        }

        assertThat(codes).hasSizeGreaterThan(60).contains("errand-not-in-this-state", "statement-truncated");
        assertThat(codes).allSatisfy(code -> {
            assertThat(code).matches("[a-z]+(-[a-z0-9]+)*");
            assertThat(ProblemTitles.knows(code)).as("titles for " + code).isTrue();
            assertThat(ProblemTitles.title(code, Locale.ENGLISH))
                    .isNotEqualTo(ProblemTitles.title(code, Locale.forLanguageTag("nl")));
        });
    }

    /**
     * A violation whose code depends on what it is about (a kind of record, a reason) says every
     * code it can have with a static {@code codes()}; any other has one code, a constant, read
     * without running a constructor.
     */
    @SuppressWarnings("unchecked")
    static Set<String> codesOf(Class<?> violation, ObjenesisStd objenesis) throws Exception {
        try {
            Method codes = violation.getMethod("codes");
            if (Modifier.isStatic(codes.getModifiers())) {
                return (Set<String>) codes.invoke(null);
            }
        } catch (NoSuchMethodException constant) {
            // one code
        }
        return Set.of(((RuleViolation) objenesis.newInstance(violation)).code());
    }
}
