package org.backstory.admin.members.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every member admin endpoint: the lowest role allowed gets in, the role just below gets
 * 403, and an anonymous visitor is sent to the login page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberAdminAuthorizationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	private long memberId;

	/**
	 * Staff signed in once per role: signing in (password hashing) is the slow part of
	 * each case.
	 */
	private final Map<MemberRole, Staff> staff = new EnumMap<>(MemberRole.class);

	@BeforeEach
	void setUp() {
		memberId = directory.createAccount(new NewAccount("authz-" + UUID.randomUUID() + "@example.test", "Authz", null,
				MemberRole.MEMBER, false));
	}

	@ParameterizedTest(name = "{0} {1}: {2} gets {3}, {4} gets 403")
	@CsvSource({ "GET, /admin/members, EDITOR, 200, AUTHOR", "GET, /admin/members/{id}, EDITOR, 200, AUTHOR",
			"GET, /admin/members/export.csv, ADMINISTRATOR, 200, EDITOR",
			"GET, /admin/members/import, ADMINISTRATOR, 200, EDITOR",
			"GET, /admin/members/{id}/delete, ADMINISTRATOR, 200, EDITOR",
			"POST, /admin/members/{id}/note, ADMINISTRATOR, 303, EDITOR",
			"POST, /admin/members/{id}/labels, ADMINISTRATOR, 303, EDITOR",
			"POST, /admin/members/{id}/labels/remove, ADMINISTRATOR, 303, EDITOR",
			"POST, /admin/members/{id}/delete, ADMINISTRATOR, 422, EDITOR",
			"POST, /admin/members/import, ADMINISTRATOR, 422, EDITOR",
			"POST, /admin/members/import/unknown/confirm, ADMINISTRATOR, 410, EDITOR" })
	void onlyTheRoleAndAboveGetIn(String method, String pathTemplate, MemberRole lowest, int answer, MemberRole below) {
		String path = pathTemplate.replace("{id}", Long.toString(memberId));
		Map<String, String> fields = Map.of("note", "n", "label", "authz");

		assertThat(request(staff(lowest).visitor(), method, path, fields).status()).isEqualTo(answer);
		assertThat(request(staff(below).visitor(), method, path, fields).status()).isEqualTo(403);
		Visitor.Page anonymous = request(new Visitor(port), method, path, fields);
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).matches(".*/login(\\?next=.*)?");
	}

	private Staff staff(MemberRole role) {
		return staff.computeIfAbsent(role, r -> Staff.signedIn(port, directory, r));
	}

	private static Visitor.Page request(Visitor visitor, String method, String path, Map<String, String> fields) {
		if (method.equals("GET")) {
			return visitor.get(path);
		}
		// A valid CSRF token, so the answer is the authorization's: staff take it from
		// the sign-out form,
		// anonymous visitors from the login form.
		var input = visitor.get("/login").document().selectFirst("form[action=/login] input[type=hidden]");
		if (input == null) {
			return Staff.post(visitor, path, fields);
		}
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put(input.attr("name"), input.attr("value"));
		return visitor.post(path, withToken);
	}

}
