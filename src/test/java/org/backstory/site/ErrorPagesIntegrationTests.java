package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors become the site's friendly page, with the chrome and without internals, whatever
 * the client accepts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ErrorPagesIntegrationTests.Failing.class)
class ErrorPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Test
	void aServerErrorShowsTheGenericPageWithoutTheException() {
		Visitor.Page page = new Visitor(port).get("/test-only/failure");

		assertThat(page.status()).isEqualTo(500);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.document().select("h1").text()).isEqualTo("Something went wrong on our side");
		assertThat(page.document().select("header.masthead .brand")).hasSize(1);
		assertThat(page.body()).doesNotContain("secret internal detail", "IllegalStateException", "at org.");
		assertThat(page.header("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void aServerErrorPageShowsTheRequestIdToQuote() {
		Visitor.Page page = new Visitor(port).get("/test-only/failure", "X-Request-Id", "proxy-id-500");

		assertThat(page.status()).isEqualTo(500);
		assertThat(page.header("X-Request-Id")).isEqualTo("proxy-id-500");
		assertThat(page.document().select(".error-reference").text())
			.isEqualTo("Quote this reference if you write to us: proxy-id-500");
	}

	@Test
	void aNotFoundPageShowsTheRequestIdToQuote() {
		Visitor.Page page = new Visitor(port).get("/nothing-lives-here.php");

		assertThat(page.header("X-Request-Id")).matches("[0-9a-f]{16}");
		assertThat(page.document().select(".error-reference code").text()).isEqualTo(page.header("X-Request-Id"));
	}

	@Test
	void aMissingCsrfTokenShowsTheForbiddenPage() {
		Visitor.Page page = new Visitor(port).post("/logout", Map.of());

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.document().select("h1").text()).isEqualTo("You can't do that here");
		assertThat(page.body()).doesNotContain("Exception", "CSRF token");
	}

	@Test
	void anUnknownPathShowsTheNotFoundPage() {
		Visitor.Page page = new Visitor(port).get("/nothing-lives-here.php");

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.document().select("h1").text()).isEqualTo("We couldn't find that page");
		assertThat(page.document().select("a.button[href=/]")).hasSize(1);
	}

	@Test
	void aMalformedParameterIsABadRequestPage() {
		Visitor.Page page = new Visitor(port).get("/?page=abc");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select("h1").text()).isEqualTo("That request didn't make sense to us");
	}

	@Test
	void aNulCharacterInAParameterIsABadRequestPage() {
		Visitor member = new Visitor(port);
		member.signIn(MemberFixtures.reader(members, "nul"), MemberFixtures.PASSWORD);

		Visitor.Page page = member.get("/account/card/hosted?setup_id=%00");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select("h1").text()).isEqualTo("That request didn't make sense to us");
	}

	@Test
	void bytesThatAreNotUtf8InAFormAreABadRequestPage() {
		Visitor visitor = new Visitor(port);
		String csrf = visitor.get("/login").document().select("input[name=_csrf]").val();

		Visitor.Page page = visitor.postEncoded("/login/link", "_csrf=" + csrf + "&email=%C3%28%FF");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select("h1").text()).isEqualTo("That request didn't make sense to us");
	}

	@Test
	void aFormLargerThanTheLimitIsTheTooLargePage() {
		Visitor.Page page = new Visitor(port).post("/login/link", Map.of("email", "x".repeat(300 * 1024)));

		assertThat(page.status()).isEqualTo(413);
		assertThat(page.document().select("h1").text()).isEqualTo("That was more than we accept");
	}

	@Test
	void theErrorPathAskedForDirectlyIsNotFound() {
		assertThat(new Visitor(port).get("/error").status()).isEqualTo(404);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Failing {

		@Bean
		FailingController failingController() {
			return new FailingController();
		}

	}

	@RestController
	static class FailingController {

		@GetMapping("/test-only/failure")
		String fail() {
			throw new IllegalStateException("secret internal detail");
		}

	}

}
