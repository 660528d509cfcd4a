package nl.wederkerig.statements;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** A plain library: no Spring, no Axon, no database, no network client, no inexact numbers. */
class StatementsArchitectureTest {

    static final JavaClasses STATEMENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.wederkerig.statements");

    @Test
    void noFrameworksNoDatabaseNoNetwork() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "java.sql..", "javax.sql..", "java.net.http..", "jakarta.persistence..")
                .check(STATEMENTS);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .check(STATEMENTS);
    }

    @Test
    void onlyTheValueTypesOfTheLedger() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("nl.wederkerig.core.advances..", "nl.wederkerig.core.funds..",
                "nl.wederkerig.core.claims..", "nl.wederkerig.core.reconciliation..", "nl.wederkerig.core.journal..").check(STATEMENTS);
    }

    @Test
    void noFloatingPoint() {
        fields().should().notHaveRawType(double.class).andShould().notHaveRawType(float.class).check(STATEMENTS);
    }
}
