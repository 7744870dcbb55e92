package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Choosing newsletters on the sign-up form, and the defaults for accounts made without
 * it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewsletterSignupIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	private Newsletter on;

	private Newsletter off;

	@BeforeEach
	void oneNewsletterOnByDefaultAndOneOff() {
		on = NewsletterFixtures.newsletter(newsletters, "signup-on", true);
		off = NewsletterFixtures.newsletter(newsletters, "signup-off", false);
	}

	@Test
	void theFormOffersEveryNewsletterTickedWhenItIsOnByDefault() {
		Document form = new Visitor(port).get("/signup").document();

		assertThat(box(form, on).hasAttr("checked")).isTrue();
		assertThat(box(form, off).hasAttr("checked")).isFalse();
		assertThat(form.select("label:has(input[value=" + NewsletterSignupOptIns.key(off) + "])").text())
			.contains(off.name(), off.description());
	}

	@Test
	void signingUpWithTheBoxesAsOfferedGetsTheDefaultOnNewsletters() {
		Visitor visitor = new Visitor(port);
		List<String> ticked = visitor.get("/signup")
			.document()
			.select("input[type=checkbox][name=optIn][checked]")
			.eachAttr("value");

		String email = signUp(visitor, ticked);

		Set<Long> defaultOn = newsletters.all()
			.stream()
			.filter(Newsletter::defaultOn)
			.map(Newsletter::id)
			.collect(Collectors.toSet());
		assertThat(optIns.of(id(email))).containsExactlyInAnyOrderElementsOf(defaultOn)
			.contains(on.id())
			.doesNotContain(off.id());
	}

	@Test
	void signingUpWithEveryBoxUntickedGetsNoNewsletters() {
		String email = signUp(new Visitor(port), List.of());

		assertThat(optIns.of(id(email))).isEmpty();
	}

	@Test
	void signingUpWithOnlyADefaultOffBoxTickedGetsJustThatOne() {
		String email = signUp(new Visitor(port), List.of(NewsletterSignupOptIns.key(off)));

		assertThat(optIns.of(id(email))).containsExactly(off.id());
	}

	@Test
	void aRefusedSignUpKeepsTheReadersTicks() {
		Visitor.Page refused = new Visitor(port).submit("/signup", "/signup",
				Map.of("email", "not-an-email", "name", "Ada"), "optIn", List.of(NewsletterSignupOptIns.key(off)));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(box(refused.document(), off).hasAttr("checked")).isTrue();
		assertThat(box(refused.document(), on).hasAttr("checked")).isFalse();
	}

	@Test
	void anAccountMadeWithoutTheFormGetsTheDefaultOnNewsletters() {
		String email = MemberFixtures.reader(members, "seeded");

		assertThat(optIns.of(id(email))).contains(on.id()).doesNotContain(off.id());
	}

	private String signUp(Visitor visitor, List<String> ticked) {
		String email = MemberFixtures.uniqueEmail("signup");
		Visitor.Page answer = visitor.submit("/signup", "/signup", Map.of("email", email, "name", "New Reader"),
				"optIn", ticked);
		assertThat(answer.status()).isEqualTo(200);
		return email;
	}

	private long id(String email) {
		return members.findByEmail(email).orElseThrow().id();
	}

	private static Element box(Document form, Newsletter newsletter) {
		return form.selectFirst("input[name=optIn][value=" + NewsletterSignupOptIns.key(newsletter) + "]");
	}

}
