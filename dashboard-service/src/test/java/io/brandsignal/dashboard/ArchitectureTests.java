package io.brandsignal.dashboard;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.brandsignal.testsupport.architecture.ArchitectureRules;

/**
 * The dashboard service's production classes against the project's architecture rules.
 */
@AnalyzeClasses(packages = "io.brandsignal.dashboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule dependsOnNoOtherService = ArchitectureRules.dependsOnNoOtherService("dashboard");

	@ArchTest
	static final ArchRule domainDoesNotReachIntoWebAdapters = ArchitectureRules
		.domainDoesNotReachIntoWebAdapters("dashboard");

}
