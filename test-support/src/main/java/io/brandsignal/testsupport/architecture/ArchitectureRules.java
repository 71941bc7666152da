package io.brandsignal.testsupport.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules every service is checked against, each service with its own production
 * classes (see each service's {@code ArchitectureTests}): services meet only through the contract and
 * Kafka, web adapters sit at the edge, and the scoring math stays plain Java.
 */
public final class ArchitectureRules {

	private static final String ROOT = "io.brandsignal";

	private static final String CONTRACT = ROOT + ".contract..";

	private ArchitectureRules() {
	}

	/**
	 * A service's code depends on no brandsignal code but its own and the shared contract: the services
	 * exchange data on Kafka topics, never by calling each other's classes.
	 * @param service the service's package below {@code io.brandsignal}, e.g. {@code ingest}
	 */
	public static ArchRule dependsOnNoOtherService(String service) {
		String own = ROOT + "." + service + "..";
		return noClasses().that()
			.resideInAPackage(own)
			.should()
			.dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackages(own, CONTRACT)))
			.as("the " + service + " service depends on no brandsignal code but its own and the contract")
			.because("services meet only through the contract's events and topics");
	}

	/**
	 * Nothing outside a service's web adapters ({@code ..web..} packages) uses them: the domain does not
	 * know it is served over HTTP.
	 * @param service the service's package below {@code io.brandsignal}
	 */
	public static ArchRule domainDoesNotReachIntoWebAdapters(String service) {
		String own = ROOT + "." + service + "..";
		String web = ROOT + "." + service + "..web..";
		return noClasses().that()
			.resideInAPackage(own)
			.and()
			.resideOutsideOfPackage(web)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(web)
			.as("no class of the " + service + " service outside its web adapters uses them")
			.because("web adapters are an edge of the service; the domain must not know about HTTP");
	}

	/**
	 * Pure computation packages import neither Kafka nor Spring, so they can be read, tested and
	 * benchmarked as plain Java.
	 * @param packages the packages, e.g. {@code io.brandsignal.scoring.ledger..}
	 */
	public static ArchRule freeOfKafkaAndSpring(String... packages) {
		return noClasses().that()
			.resideInAnyPackage(packages)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework..")
			.as("the classes in " + String.join(", ", packages) + " use neither Kafka nor Spring")
			.because("the scoring math is plain Java, driven by adapters that know Kafka and Spring");
	}

}
