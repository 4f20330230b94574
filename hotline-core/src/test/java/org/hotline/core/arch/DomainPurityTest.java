package org.hotline.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The ticket domain stays pure: no Vert.x, Jackson, Lettuce or file access in model, time, catalog. */
@AnalyzeClasses(packages = "org.hotline.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    private static final String[] DOMAIN = {"org.hotline.core.model..", "org.hotline.core.time..", "org.hotline.core.catalog.."};

    @ArchTest
    static final ArchRule domainUsesNoFrameworks = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.fasterxml..", "io.lettuce..",
                    "org.hotline.core.redis..", "org.hotline.core.api..", "org.hotline.core.wire..", "org.hotline.core.app..");

    @ArchTest
    static final ArchRule domainDoesNoFileAccess = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..");

    @ArchTest
    static final ArchRule jacksonOnlyInWireAndAdapters = noClasses().that()
            .resideInAnyPackage("org.hotline.core.model..", "org.hotline.core.time..", "org.hotline.core.catalog..", "org.hotline.core.app..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..");
}
