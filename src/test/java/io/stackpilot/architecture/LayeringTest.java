package io.stackpilot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps client libraries inside their adapters and the dependencies between layers pointing one way. */
@AnalyzeClasses(packages = "io.stackpilot", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule dockerJavaOnlyInDockerAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("io.stackpilot.runtime.docker..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.github.dockerjava..");

    @ArchTest
    static final ArchRule fabric8OnlyInKubernetesAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("io.stackpilot.runtime.kubernetes..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.fabric8..");

    @ArchTest
    static final ArchRule kafkaClientsOnlyInProbes = noClasses()
            .that()
            .resideOutsideOfPackage("io.stackpilot.health.probe..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka..");

    @ArchTest
    static final ArchRule catalogDependsOnNothingElse = noClasses()
            .that()
            .resideInAPackage("io.stackpilot.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.stackpilot.runtime..", "io.stackpilot.control..", "io.stackpilot.api..");

    @ArchTest
    static final ArchRule runtimePortIgnoresCallers = noClasses()
            .that()
            .resideInAPackage("io.stackpilot.runtime..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.stackpilot.control..", "io.stackpilot.api..");

    @ArchTest
    static final ArchRule controlIgnoresRestLayer = noClasses()
            .that()
            .resideInAPackage("io.stackpilot.control..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.stackpilot.api..");
}
