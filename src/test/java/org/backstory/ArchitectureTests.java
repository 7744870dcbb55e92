package org.backstory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.backstory.billing.PlanCatalog;
import org.backstory.publishing.GatedBody;
import org.backstory.publishing.SystemPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

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
	void staffPublishThroughTheDeskOnly() {
		noClasses().that()
			.resideOutsideOfPackages("org.backstory.publishing", "org.backstory.demo..", "org.backstory.imports..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(SystemPublisher.class)
			.because("a staff member's publishing goes through ArticleDesk, which checks their permission and"
					+ " audits it; the system publisher is for the demo seeder and imports only")
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

	@Test
	void billingRoomsCallOnlyRoomsBelowThem() {
		slices().matching("org.backstory.billing.(*)..")
			.should()
			.beFreeOfCycles()
			.because("a flow through billing reads top to bottom (docs/modules/billing.md, Rooms)")
			.check(classes);
	}

	@Test
	void billingRoomsNeverCallBackUpIntoTheFrontDoor() {
		noClasses().that()
			.resideInAnyPackage("org.backstory.billing.ledger..", "org.backstory.billing.payment..",
					"org.backstory.billing.card..", "org.backstory.billing.subscription..",
					"org.backstory.billing.checkout..", "org.backstory.billing.gift..", "org.backstory.billing.group..",
					"org.backstory.billing.invoice..", "org.backstory.billing.planchange..",
					"org.backstory.billing.renewal..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.backstory.billing")
				.and(annotatedWith(Service.class).or(annotatedWith(Component.class)))
				.and(JavaClass.Predicates.equivalentTo(PlanCatalog.class).negate()))
			.because("the base package is billing's front door: rooms use its values and the plan catalogue, "
					+ "never its services")
			.check(classes);
	}

}
