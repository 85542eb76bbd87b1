package fr.jalon;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package by feature, kept honest. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.jalon");
    }

    @Test
    void platformDependsOnNoFeature() {
        noClasses().that().resideInAPackage("fr.jalon.platform..")
                .should().dependOnClassesThat(resideInAPackage("fr.jalon..").and(not(resideInAPackage("fr.jalon.platform.."))))
                .check(classes);
    }

    @Test
    void featuresFormNoCycles() {
        slices().matching("fr.jalon.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyRepositoriesAndPlatformTalkToTheDatabaseDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoTheApplicationWiring() {
        noClasses().that().resideInAPackage("fr.jalon.*..")
                .should().dependOnClassesThat().resideInAPackage("fr.jalon")
                .check(classes);
    }
}
