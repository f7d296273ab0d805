package dev.deploygateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules of docs/architecture.md, checked on the compiled main classes so the build keeps them: the rooms'
 * arrows point down, nothing depends on {@code api}, the sandbox is the outside world, no package cycles, and
 * the house style that a rule can see (constructor injection, package-private REST clients).
 */
class ArchitectureTest {

    private static final String ROOT = "dev.deploygateway";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theSandboxImportsNothingOfTheGateway() {
        noClasses().that().resideInAPackage(ROOT + ".sandbox..")
                .should().dependOnClassesThat(gatewayOutside(ROOT + ".sandbox.."))
                .because("the sandbox stands for the platforms: it talks to the gateway over HTTP only")
                .check(main);
    }

    @Test
    void nothingOutsideTheApiDependsOnIt() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".api..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".api..")
                .because("the REST layer is the top of the house")
                .check(main);
    }

    @Test
    void theGatewayNeverDependsOnTheSandbox() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".sandbox..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".sandbox..")
                .because("the gateway reaches the (simulated) platforms over HTTP, like the real ones")
                .check(main);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void roomsOnlyCallTheRoomsBelowThem() {
        only("config", "error");
        only("error");
        only("identity", "config", "error");
        only("crypto", "config", "error");
        only("store", "config", "error");
        only("ratelimit", "store", "config", "error");
        only("scaffold", "config", "error");
        only("events", "store", "config", "error");
        only("platform", "scaffold", "config", "error");
        only("connection", "crypto", "store", "platform", "config", "error");
        // A source host is connected like a platform (it is a Connectable), so the source room sits above connection.
        only("source", "connection", "platform", "scaffold", "config", "error");
        only("handoff", "store", "scaffold", "config", "error");
        only("deployment", "platform", "source", "connection", "ratelimit", "events", "store", "crypto",
                "scaffold", "config", "error");
    }

    @Test
    void restClientInterfacesArePackagePrivate() {
        classes().that().areAnnotatedWith(RegisterRestClient.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("a platform's REST client is wrapped by a public bean that carries its call policy")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void beansUseConstructorInjection() {
        fields().that().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
                .should().notBeAnnotatedWith(Inject.class)
                .because("dependencies are constructor parameters (ARCHITECTURE.md §7)")
                .check(main);
    }

    /** Classes of {@code room} depend on no gateway package but themselves and {@code allowed}. */
    private static void only(String room, String... allowed) {
        String[] packages = new String[allowed.length + 1];
        packages[0] = ROOT + "." + room + "..";
        for (int i = 0; i < allowed.length; i++) {
            packages[i + 1] = ROOT + "." + allowed[i] + "..";
        }
        noClasses().that().resideInAPackage(ROOT + "." + room + "..")
                .should().dependOnClassesThat(gatewayOutside(packages))
                .because("the arrows of docs/architecture.md point down")
                .allowEmptyShould(true)
                .check(main);
    }

    /** Gateway classes in none of {@code packages}. */
    private static DescribedPredicate<JavaClass> gatewayOutside(String... packages) {
        return resideInAPackage(ROOT + "..").and(not(resideInAnyPackage(packages)));
    }
}
