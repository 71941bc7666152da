package io.brandsignal.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.brandsignal.testsupport.architecture.ArchitectureRules;

/**
 * The ingest service's production classes against the project's architecture rules.
 */
@AnalyzeClasses(packages = "io.brandsignal.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule dependsOnNoOtherService = ArchitectureRules.dependsOnNoOtherService("ingest");

	@ArchTest
	static final ArchRule domainDoesNotReachIntoWebAdapters = ArchitectureRules
		.domainDoesNotReachIntoWebAdapters("ingest");

}
