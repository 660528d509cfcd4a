package nl.wederkerig.api;

import nl.wederkerig.api.support.EngineNeutral;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.OpenToAnyone;
import nl.wederkerig.api.platform.security.Access;
import org.axonframework.commandhandling.CommandBus;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries, checked over all three modules' production classes at once. */
@EngineNeutral
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

    // --- One application layer, many front doors (REST controllers now, pages as well) ---

    private static final DescribedPredicate<JavaClass> FRONT_DOORS = DescribedPredicate.describe(
            "controllers and pages", c -> c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(Controller.class));

    /** Projection classes that query tables (not the records and enums they answer with). */
    private static final DescribedPredicate<JavaClass> READ_MODEL_QUERIES = DescribedPredicate.describe(
            "read-model query classes", c -> c.getPackageName().startsWith("nl.wederkerig.projections")
                    && !c.isRecord() && !c.isEnum() && !c.isInterface());

    /** Controllers and pages build no command and read no table: the capability's application service does both. */
    static final ArchRule FRONT_DOORS_GO_THROUGH_APPLICATION_SERVICES = noClasses().that(FRONT_DOORS)
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class)
            .orShould().dependOnClassesThat().areAssignableTo(CommandBus.class)
            .orShould().dependOnClassesThat(READ_MODEL_QUERIES)
            .orShould().dependOnClassesThat().areAssignableTo(Access.class)
            .because("a rule or command built in a controller would be built again in a page");

    /** Every handler of a request reaches the capability's application service (or says why it needs nothing). */
    static final ArchRule HANDLERS_CALL_AN_APPLICATION_SERVICE = methods()
            .that().areDeclaredInClassesThat(FRONT_DOORS)
            .and(DescribedPredicate.describe("handle requests", ArchitectureTest::handlesRequests))
            .should(new ArchCondition<>("call an application service or be @OpenToAnyone") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean passes = method.isAnnotatedWith(OpenToAnyone.class) || callsApplicationService(method, new HashSet<>());
                    events.add(new SimpleConditionEvent(method, passes,
                            method.getFullName() + (passes ? " goes" : " does not go") + " through an application service"));
                }
            });

    /** Every public use case checks access first-hand (or through a helper of its own class), or says why it needs none. */
    static final ArchRule USE_CASES_CHECK_ACCESS = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(ApplicationService.class)
            .and().arePublic().and().areNotStatic()
            .should(new ArchCondition<>("call Access or be @OpenToAnyone") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean passes = method.isAnnotatedWith(OpenToAnyone.class) || checksAccess(method, new HashSet<>());
                    events.add(new SimpleConditionEvent(method, passes,
                            method.getFullName() + (passes ? " checks" : " does not check") + " access"));
                }
            });

    @Test
    void frontDoorsGoThroughApplicationServicesThatCheckAccess() {
        FRONT_DOORS_GO_THROUGH_APPLICATION_SERVICES.check(classes);
        HANDLERS_CALL_AN_APPLICATION_SERVICE.check(classes);
        USE_CASES_CHECK_ACCESS.check(classes);
    }

    @Test
    void theApplicationLayerRulesCatchShortcuts() {
        JavaClasses violating = new ClassFileImporter().importClasses(Shortcut.class, UncheckedUseCases.class);
        assertThatThrownBy(() -> FRONT_DOORS_GO_THROUGH_APPLICATION_SERVICES.check(violating))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Shortcut").hasMessageContaining("CommandGateway");
        assertThatThrownBy(() -> HANDLERS_CALL_AN_APPLICATION_SERVICE.check(violating))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Shortcut.direct()")
                .hasMessageNotContaining("Shortcut.throughService()").hasMessageNotContaining("Shortcut.open()");
        assertThatThrownBy(() -> USE_CASES_CHECK_ACCESS.check(violating))
                .isInstanceOf(AssertionError.class).hasMessageContaining("UncheckedUseCases.unchecked(")
                .hasMessageNotContaining("UncheckedUseCases.checked(")
                .hasMessageNotContaining("UncheckedUseCases.checkedThroughHelper(")
                .hasMessageNotContaining("UncheckedUseCases.byToken(");
    }

    /** Deliberate violations of the application-layer rules, for the test above. */
    @RestController
    static class Shortcut {
        CommandGateway commands;
        UncheckedUseCases useCases;

        @PostMapping("/direct")
        void direct() {
            commands.send("pay");
        }

        @PostMapping("/through")
        void throughService() {
            useCases.checked(null);
        }

        @GetMapping("/open")
        @OpenToAnyone("a deliberate example")
        void open() {
        }
    }

    @ApplicationService
    static class UncheckedUseCases {
        Access access;

        public void checked(nl.wederkerig.api.logins.Login me) {
            access.requireMember(me, null);
        }

        public void checkedThroughHelper(nl.wederkerig.api.logins.Login me) {
            guard(me);
        }

        public void unchecked(nl.wederkerig.api.logins.Login me) {
        }

        @OpenToAnyone("proves itself with a token")
        public void byToken() {
        }

        private void guard(nl.wederkerig.api.logins.Login me) {
            access.requireSelf(me, null, null);
        }
    }

    private static boolean handlesRequests(JavaMethod method) {
        return method.isAnnotatedWith(RequestMapping.class) || method.isAnnotatedWith(GetMapping.class)
                || changesState(method);
    }

    private static boolean callsApplicationService(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return false;
        }
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
            JavaClass owner = call.getTargetOwner();
            if (owner.isAnnotatedWith(ApplicationService.class)) {
                return true;
            }
            if (owner.equals(unit.getOwner())
                    && call.getTarget().resolveMember().map(target -> callsApplicationService(target, seen)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean checksAccess(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return false;
        }
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
            JavaClass owner = call.getTargetOwner();
            if (owner.isAssignableTo(Access.class)) {
                return true;
            }
            // A helper of its own, or another public use case of the same class that checks.
            if (owner.equals(unit.getOwner())
                    && call.getTarget().resolveMember().map(target -> checksAccess(target, seen)).orElse(false)) {
                return true;
            }
        }
        return false;
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

    /**
     * Whether the method sends a command, itself or through a method it calls in this code base
     * (an application service, a helper of its own class): a GET handler cannot hide a command
     * behind a service call.
     */
    private static boolean sendsCommands(JavaMethod method) {
        return sendsCommands(method, new HashSet<>());
    }

    private static boolean sendsCommands(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return false;
        }
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
            JavaClass owner = call.getTargetOwner();
            if (owner.isAssignableTo(CommandGateway.class) || owner.isAssignableTo(CommandBus.class)) {
                return true;
            }
            if (owner.getPackageName().startsWith("nl.wederkerig.api")
                    && call.getTarget().resolveMember().map(target -> sendsCommands(target, seen)).orElse(false)) {
                return true;
            }
        }
        return false;
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
