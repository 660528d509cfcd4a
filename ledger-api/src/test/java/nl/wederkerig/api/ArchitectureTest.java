package nl.wederkerig.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    /** GET (and a bare @RequestMapping, which answers GET too) must be safe: reading never sends a command. */
    static final ArchRule NO_COMMAND_ON_GET = noMethods()
            .that(DescribedPredicate.describe("answer GET", ArchitectureTest::answersGet))
            .should(sendCommands())
            .because("a GET may be repeated, prefetched or followed by a crawler; it must never change the ledger");

    /**
     * Commands go out only from handler methods that are POST, PUT, PATCH or DELETE mappings. Also
     * forbids a controller's helper method sending one, so a GET cannot reach a command through it.
     */
    static final ArchRule COMMANDS_ONLY_FROM_CHANGING_MAPPINGS = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .or().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
            .and(DescribedPredicate.describe("send commands", ArchitectureTest::sendsCommands))
            .should(new ArchCondition<>("be POST, PUT, PATCH or DELETE mappings") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean changing = changesState(method);
                    events.add(new SimpleConditionEvent(method, changing,
                            method.getFullName() + (changing ? " is" : " is not") + " a POST/PUT/PATCH/DELETE mapping"));
                }
            });

    @Test
    void noStateChangeOnGet() {
        NO_COMMAND_ON_GET.check(classes);
        COMMANDS_ONLY_FROM_CHANGING_MAPPINGS.check(classes);
    }

    @Test
    void theGetRulesCatchAControllerThatSendsACommandOnGet() {
        JavaClasses violating = new ClassFileImporter().importClasses(SendsOnGet.class);
        assertThatThrownBy(() -> NO_COMMAND_ON_GET.check(violating))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SendsOnGet.oops()");
        assertThatThrownBy(() -> COMMANDS_ONLY_FROM_CHANGING_MAPPINGS.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SendsOnGet.oops()").hasMessageContaining("SendsOnGet.bareMapping()")
                .hasMessageContaining("SendsOnGet.helper()").hasMessageNotContaining("SendsOnGet.fine()");
    }

    /** A deliberate violation, for the test above: imported on its own, never part of the production classes. */
    @RestController
    static class SendsOnGet {
        CommandGateway commands;

        @GetMapping("/oops")
        void oops() {
            commands.send("pay");
        }

        @RequestMapping("/bare")
        void bareMapping() {
            commands.send("pay");
        }

        @GetMapping("/indirect")
        void indirect() {
            helper();
        }

        private void helper() {
            commands.send("pay");
        }

        @PostMapping("/fine")
        void fine() {
            commands.send("pay");
        }
    }

    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    private static boolean answersGet(JavaMethod method) {
        if (method.isAnnotatedWith(GetMapping.class)) {
            return true;
        }
        return method.tryGetAnnotationOfType(RequestMapping.class)
                .map(mapping -> mapping.method().length == 0 || Arrays.asList(mapping.method()).contains(RequestMethod.GET))
                .orElse(false);
    }

    private static boolean changesState(JavaMethod method) {
        if (method.isAnnotatedWith(PostMapping.class) || method.isAnnotatedWith(PutMapping.class)
                || method.isAnnotatedWith(PatchMapping.class) || method.isAnnotatedWith(DeleteMapping.class)) {
            return true;
        }
        return method.tryGetAnnotationOfType(RequestMapping.class)
                .map(mapping -> mapping.method().length > 0 && CHANGING.containsAll(List.of(mapping.method())))
                .orElse(false);
    }

    private static boolean sendsCommands(JavaMethod method) {
        return method.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isAssignableTo(CommandGateway.class));
    }

    private static ArchCondition<JavaMethod> sendCommands() {
        return new ArchCondition<>("call CommandGateway") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean sends = sendsCommands(method);
                events.add(new SimpleConditionEvent(method, sends,
                        method.getFullName() + (sends ? " calls" : " does not call") + " CommandGateway"));
            }
        };
    }
}
