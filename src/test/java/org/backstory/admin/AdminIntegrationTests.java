package org.backstory.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@ParameterizedTest
	@EnumSource(value = MemberRole.class, names = { "OWNER", "ADMINISTRATOR", "EDITOR" })
	void editorsAndAboveSeeTheAdminPageWithALinkToTheOutbox(MemberRole role) {
		Visitor.Page page = signedIn(role).get("/admin");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("a[href=/admin/email/outbox]").text()).isEqualTo("Outbox");
	}

	@ParameterizedTest
	@EnumSource(value = MemberRole.class, names = { "AUTHOR", "CONTRIBUTOR" })
	void writersSeeTheAdminPageWithoutMembersMail(MemberRole role) {
		Visitor visitor = signedIn(role);
		Visitor.Page page = visitor.get("/admin");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("a[href=/admin/email/outbox]")).isEmpty();
		assertThat(visitor.get("/admin/email/outbox").status()).isEqualTo(403);
	}

	@Test
	void onlyTheOwnerSeesCouponsAndAdministratorsSeeBilling() {
		assertThat(signedIn(MemberRole.OWNER).get("/admin").document().select("a[href=/admin/billing/coupons]"))
			.hasSize(1);
		Visitor.Page administrator = signedIn(MemberRole.ADMINISTRATOR).get("/admin");
		assertThat(administrator.document().select("a[href=/admin/billing/coupons]")).isEmpty();
		assertThat(administrator.document().select("ul.admin-links a[href=/admin/billing]")).hasSize(1);
	}

	@Test
	void aReaderIsForbidden() {
		assertThat(signedIn(MemberRole.MEMBER).get("/admin").status()).isEqualTo(403);
	}

	@Test
	void anAnonymousVisitorIsSentToLogin() {
		Visitor.Page page = new Visitor(port).get("/admin");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login?next=%2Fadmin");
	}

	@Test
	void staffSeeTheAdminLinkInTheHeaderAndReadersDoNot() {
		assertThat(signedIn(MemberRole.EDITOR).get("/").document().select("header a[href=/admin]")).hasSize(1);
		assertThat(signedIn(MemberRole.MEMBER).get("/").document().select("header a[href=/admin]")).isEmpty();
	}

	private Visitor signedIn(MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
