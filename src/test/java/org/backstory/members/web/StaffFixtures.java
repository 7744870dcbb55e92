package org.backstory.members.web;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;

/**
 * Signed-in staff for the staff page tests, and posting to it. Addresses are unique per
 * call.
 */
final class StaffFixtures {

	private StaffFixtures() {
	}

	/** Someone signed in with an account of {@code role}. */
	record SignedIn(Visitor visitor, String email, long id) {

		/**
		 * Posts {@code fields} to {@code path} with a valid CSRF field, as a form of the
		 * site would.
		 */
		Visitor.Page post(String path, Map<String, String> fields) {
			return StaffFixtures.post(visitor, path, fields);
		}

	}

	static SignedIn signedIn(int port, MemberDirectory directory, MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return new SignedIn(visitor, email, directory.findByEmail(email).orElseThrow().id());
	}

	/** Posts with the CSRF field of the sign-in page, which every visitor may load. */
	static Visitor.Page post(Visitor visitor, String path, Map<String, String> fields) {
		String csrf = visitor.get("/login").document().select("input[name=_csrf]").attr("value");
		Map<String, String> withCsrf = new java.util.LinkedHashMap<>(fields);
		withCsrf.put("_csrf", csrf);
		return visitor.post(path, withCsrf);
	}

}
