package org.backstory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.backstory.publishing.GatedBody;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rules Spring Modulith cannot check. Compiled jte templates are included, so a template
 * cannot break them either.
 */
class ArchitectureTests {

	// Imported once for the class: an instance field imported every class again for each
	// of its rules.
	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.backstory", "gg.jte.generated");

	@Test
	void onlyTheAccessModuleOpensGatedText() {
		noClasses().that()
			.resideOutsideOfPackage("org.backstory.access..")
			.should()
			.callMethod(GatedBody.class, "html")
			.because("paid text may leave the server only through the access policy (ArticleGate)")
			.check(classes);
	}

	@Test
	void timeComesFromTheInjectedClock() {
		noClasses().should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(OffsetDateTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.because("tests move time with a Clock bean")
			.check(classes);
	}

	@Test
	void noFieldInjection() {
		noFields().should().beAnnotatedWith(Autowired.class).check(classes);
	}

	@Test
	void onlyTheStripeAdapterTalksToStripe() {
		noClasses().that()
			.resideOutsideOfPackage("org.backstory.billing.stripe..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.stripe..")
			.check(classes);
	}

}
