package io.brandsignal.scoring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.brandsignal.testsupport.architecture.ArchitectureRules;

/**
 * The scoring service's production classes against the project's architecture rules.
 */
@AnalyzeClasses(packages = "io.brandsignal.scoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule dependsOnNoOtherService = ArchitectureRules.dependsOnNoOtherService("scoring");

	@ArchTest
	static final ArchRule domainDoesNotReachIntoWebAdapters = ArchitectureRules
		.domainDoesNotReachIntoWebAdapters("scoring");

	@ArchTest
	static final ArchRule scoringMathIsPlainJava = ArchitectureRules.freeOfKafkaAndSpring(
			"io.brandsignal.scoring.ledger..", "io.brandsignal.scoring.growth..", "io.brandsignal.scoring.evidence..",
			"io.brandsignal.scoring.scorecard..", "io.brandsignal.scoring.campaign..");

}
