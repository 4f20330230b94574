package org.hotline.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The module rules of docs/architecture.md, kept by the build over the main code of every module:
 * libraries stay in the module that owns them, modules never import each other, one class reads
 * Redis streams with a consumer group (ADR 0005), and no package cycles. Core has none left; the
 * cycles other modules still have are frozen in src/test/resources/archunit-frozen (dispatch
 * {@code classify}↔{@code store}, linkage110's root package with its sub-packages, search's root and
 * {@code port} with theirs): they may shrink, no new one may appear, and one removed stays out (the
 * store drops it). A deliberate change to a frozen cycle's dependencies is recorded with
 * {@code -Darchunit.freeze.refreeze=true} on one run of this test.
 */
@AnalyzeClasses(packages = "org.hotline", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** Main code only: a module's test-jar (the 110 peer for the acceptance suite) is test code too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }


    private static final String[] MODULES = {"org.hotline.dispatch..", "org.hotline.search..", "org.hotline.telephony..",
        "org.hotline.linkage110.."};

    @ArchTest
    static final ArchRule elasticsearchOnlyInSearch = noClasses().that().resideOutsideOfPackage("org.hotline.search..")
            .should().dependOnClassesThat().resideInAPackage("co.elastic..");

    @ArchTest
    static final ArchRule luceneOnlyInSearch = noClasses().that().resideOutsideOfPackage("org.hotline.search..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..");

    @ArchTest
    static final ArchRule asteriskOnlyInTelephony = noClasses().that().resideOutsideOfPackage("org.hotline.telephony..")
            .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..");

    @ArchTest
    static final ArchRule hazelcastOnlyInTheServersClusterPackage = noClasses().that()
            .resideOutsideOfPackage("org.hotline.server.cluster..")
            .should().dependOnClassesThat().resideInAPackage("com.hazelcast..");

    @ArchTest
    static final ArchRule hanlpOnlyBehindTheSegmenter = noClasses().that().resideOutsideOfPackage("org.hotline.core.text..")
            .should().dependOnClassesThat().resideInAPackage("com.hankcs..");

    /** Lettuce is an adapter library: never in core's domain, use cases, wire formats or ports. */
    @ArchTest
    static final ArchRule lettuceOnlyInAdapters = noClasses().that().resideInAnyPackage("org.hotline.core.model..",
                    "org.hotline.core.time..", "org.hotline.core.catalog..", "org.hotline.core.app..", "org.hotline.core.wire..",
                    "org.hotline.core.port..", "org.hotline.core.error..", "org.hotline.core.text..")
            .should().dependOnClassesThat().resideInAPackage("io.lettuce..");

    /**
     * Core's route classes translate HTTP only: parse, call a use case of {@code org.hotline.core.app}, map
     * the result or the problem. They never reach Redis and never run the directory's rule checks.
     */
    @ArchTest
    static final ArchRule coreRoutesHoldNoBusinessRules = noClasses().that()
            .resideInAnyPackage("org.hotline.core.api..", "org.hotline.core.open311..").and().haveSimpleNameEndingWith("Routes")
            .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "org.hotline.core.redis..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.hotline.core.catalog.DepartmentEdits")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.hotline.core.catalog.CategoryEdits")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.hotline.core.catalog.CatalogRefusal")
            .because("use cases live in org.hotline.core.app (docs/architecture.md)");

    /** Filing, commands and intake decisions are use cases: no class of a route package drives the ticket pipeline. */
    @ArchTest
    static final ArchRule routePackagesNeverDriveTheTicketPipeline = noClasses()
            .that().resideInAnyPackage("org.hotline.core.api..", "org.hotline.core.open311..")
            .should().callMethodWhere(DescribedPredicate.describe("the ticket pipeline's receive or apply",
                    (JavaCall<?> call) -> call.getTargetOwner().getName().equals("org.hotline.core.app.TicketOperations")
                            && (call.getName().equals("receive") || call.getName().equals("apply"))))
            .because("use cases live in org.hotline.core.app (docs/architecture.md)");

    /** Use cases know nothing of HTTP: no router, no request, no route class. */
    @ArchTest
    static final ArchRule useCasesKnowNoHttp = noClasses().that().resideInAPackage("org.hotline.core.app..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "org.hotline.core.api..",
                    "org.hotline.core.open311..");

    @ArchTest
    static final ArchRule dispatchImportsNoOtherModule = moduleIsolated("org.hotline.dispatch..");

    @ArchTest
    static final ArchRule searchImportsNoOtherModule = moduleIsolated("org.hotline.search..");

    @ArchTest
    static final ArchRule telephonyImportsNoOtherModule = moduleIsolated("org.hotline.telephony..");

    @ArchTest
    static final ArchRule linkageImportsNoOtherModule = moduleIsolated("org.hotline.linkage110..");

    @ArchTest
    static final ArchRule coreImportsNoModule = noClasses().that().resideInAPackage("org.hotline.core..")
            .should().dependOnClassesThat().resideInAnyPackage(MODULES);

    @ArchTest
    static final ArchRule onlyConsumerGroupReadsStreamsWithAGroup = noClasses()
            .that().doNotHaveFullyQualifiedName("org.hotline.core.stream.group.ConsumerGroup")
            .should().callMethodWhere(DescribedPredicate.describe("XREADGROUP (xreadgroup)",
                    (JavaCall<?> call) -> call.getName().equals("xreadgroup")))
            .because("ADR 0005: one consumer-group mechanism");

    @ArchTest
    static final ArchRule noPackageCycles = FreezingArchRule.freeze(slices().matching("org.hotline.(**)").should().beFreeOfCycles());

    private static ArchRule moduleIsolated(String module) {
        String[] others = java.util.Arrays.stream(MODULES).filter(m -> !m.equals(module)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAnyPackage(others);
    }
}
