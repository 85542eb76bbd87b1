package fr.jalon;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.helidon.dbclient.DbExecute;
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

    /** SQL only in a feature's *Repository, a *ReadModel (a query over other features' tables), or the platform's own stores. */
    @Test
    void onlyRepositoriesRunSql() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository").and().haveSimpleNameNotEndingWith("ReadModel")
                .and().resideOutsideOfPackages("fr.jalon.platform.db..", "fr.jalon.platform.audit..",
                        "fr.jalon.platform.events..")
                .should().callMethodWhere(JavaCall.Predicates.target(
                        HasOwner.Predicates.With.owner(
                                JavaClass.Predicates.assignableTo(
                                        DbExecute.class))))
                .check(classes);
    }

    @Test
    void servicesDoNotUseTheNestedTypesOfRepositories() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith(
                        "Repository").or(DescribedPredicate.describe("nested in a repository",
                        c -> c.getEnclosingClass().map(e -> e.getSimpleName().endsWith("Repository")).orElse(false))))
                .check(classes);
    }

    @Test
    void rulesAreFreeOfHttpAndDatabase() {
        noClasses().that().haveSimpleNameEndingWith("Rules")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "fr.jalon.platform.http..",
                        "fr.jalon.platform.db..")
                .check(classes);
    }

    @Test
    void platformPackagesFormNoCycles() {
        slices().matching("fr.jalon.platform.(*)..").should().beFreeOfCycles().check(classes);
    }
}
