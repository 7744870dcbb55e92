package org.backstory.admin.members.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff account of some role, signed in over HTTP, for the member pages' tests. */
record Staff(long id, Visitor visitor) {

	static Staff signedIn(int port, MemberDirectory directory, MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(email, MemberFixtures.PASSWORD).status()).isEqualTo(302);
		return new Staff(directory.findByEmail(email).orElseThrow().id(), visitor);
	}

	/**
	 * Posts with a valid CSRF token (taken from the sign-out form), as a crafted request
	 * would.
	 */
	Visitor.Page post(String path, Map<String, String> fields) {
		return post(visitor, path, fields);
	}

	static Visitor.Page post(Visitor visitor, String path, Map<String, String> fields) {
		var input = visitor.get("/account").document().selectFirst("form[action=/logout] input[type=hidden]");
		assertThat(input).as("a sign-out form with a CSRF field").isNotNull();
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put(input.attr("name"), input.attr("value"));
		return visitor.post(path, withToken);
	}

}
