package nl.wederkerig.benchmarks;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.wederkerig.api.platform.axon.LedgerConfiguration;
import nl.wederkerig.core.harness.LedgerHarness;
import nl.wederkerig.projections.ReadModelCatalog;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists that must agree, checked against each other and against the code itself, so a new
 * aggregate or read model cannot be half registered: every read model (a projection class with
 * event handlers) is in {@link ReadModelCatalog} (which rebuild and check use), is a bean of the
 * application, has its processor configured in application.yml, and is replayed and timed by the
 * benchmark; every aggregate of the domain is configured in the application and in the test
 * harness the property tests run on.
 */
class RegistrationTest {

    static JavaClasses ledger;

    @BeforeAll
    static void importClasses() {
        ledger = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.wederkerig.core", "nl.wederkerig.projections");
    }

    @Test
    void everyReadModelIsInTheCatalogIsABeanHasAProcessorAndIsBenchmarked() throws Exception {
        Set<String> handlerGroups = ledger.stream()
                .filter(type -> type.getPackageName().startsWith("nl.wederkerig.projections"))
                .filter(RegistrationTest::handlesEvents)
                .map(type -> type.getAnnotationOfType(ProcessingGroup.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalogued = ReadModelCatalog.all().stream().map(model -> model.processingGroup())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> beans = Arrays.stream(LedgerConfiguration.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Bean.class))
                .map(Method::getReturnType)
                .filter(type -> type.isAnnotationPresent(ProcessingGroup.class)
                        && type.getPackageName().startsWith("nl.wederkerig.projections"))
                .map(type -> type.getAnnotation(ProcessingGroup.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> benchmarked = ReadModel.all().stream().map(ReadModel::processingGroup)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(handlerGroups).as("read models with event handlers").isNotEmpty();
        assertThat(catalogued).as("ReadModelCatalog").isEqualTo(handlerGroups);
        assertThat(beans).as("projection beans of LedgerConfiguration").isEqualTo(handlerGroups);
        assertThat(processors()).as("processors in application.yml").containsAll(handlerGroups);
        assertThat(benchmarked).as("read models the benchmark replays").isEqualTo(handlerGroups);
    }

    @Test
    void everyAggregateIsConfiguredInTheApplicationAndInTheTestHarness() {
        Set<String> aggregates = ledger.stream()
                .filter(type -> type.getAllFields().stream().anyMatch(field -> field.isAnnotatedWith(AggregateIdentifier.class)))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(aggregates).as("aggregates of ledger-core").isNotEmpty();
        assertThat(names(LedgerConfiguration.AGGREGATES)).as("LedgerConfiguration.AGGREGATES").isEqualTo(aggregates);
        assertThat(names(LedgerHarness.AGGREGATES)).as("LedgerHarness.AGGREGATES").isEqualTo(aggregates);
    }

    @Test
    void aClassWithEventHandlersIsFoundAsAReadModelAndAQueryClassIsNot() {
        assertThat(handlesEvents(new ClassFileImporter().importClass(NotRegistered.class))).isTrue();
        assertThat(handlesEvents(new ClassFileImporter().importClass(RegistrationTest.class))).isFalse();
    }

    /** A read model no list names; only its detection is checked. */
    @ProcessingGroup("not-registered")
    static class NotRegistered {
        @EventHandler
        void on(Object event) {
        }
    }

    private static boolean handlesEvents(JavaClass type) {
        return type.isAnnotatedWith(ProcessingGroup.class)
                && type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventHandler.class));
    }

    private static Set<String> processors() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String prefix = "axon.eventhandling.processors.";
        return properties.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .map(key -> key.substring(prefix.length(), key.indexOf('.', prefix.length())))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(java.util.List<Class<?>> classes) {
        return classes.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    }
}
