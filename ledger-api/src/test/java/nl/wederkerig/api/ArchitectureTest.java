package nl.wederkerig.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries, checked over all three modules' production classes at once. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.wederkerig");
    }

    @Test
    void theDomainKnowsNoSpringPersistenceOrWeb() {
        noClasses().that().resideInAPackage("nl.wederkerig.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "jakarta.servlet..",
                        "org.hibernate..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNeitherProjectionsNorTheApi() {
        noClasses().that().resideInAPackage("nl.wederkerig.core..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.wederkerig.projections..", "nl.wederkerig.api..")
                .check(classes);
    }

    @Test
    void projectionsDependOnTheDomainNotOnTheApi() {
        noClasses().that().resideInAPackage("nl.wederkerig.projections..")
                .should().dependOnClassesThat().resideInAPackage("nl.wederkerig.api..")
                .check(classes);
    }

    @Test
    void projectionsAreNotSpringComponents() {
        noClasses().that().resideInAPackage("nl.wederkerig.projections..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.context..", "org.springframework.stereotype..", "org.springframework.beans..",
                        "org.springframework.web..")
                .check(classes);
    }

    @Test
    void capabilitiesDoNotFormCycles() {
        slices().matching("nl.wederkerig.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noFloatingPointInTheDomain() {
        noClasses().that().resideInAPackage("nl.wederkerig.core..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Double")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Float")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("double")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("float")
                .check(classes);
    }
}
