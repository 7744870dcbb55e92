package org.backstory.demo;

import java.util.List;

import org.backstory.members.MemberRole;

/**
 * One demo account: the README lists them all.
 *
 * @param email its address, at the reserved {@code demo.test} domain
 * @param name its display name
 * @param role its role
 */
record DemoAccount(String email, String name, MemberRole role) {

	static final String OWNER = "owner@demo.test";

	static final String EDITOR = "editor@demo.test";

	static final String SUBSCRIBER = "subscriber@demo.test";

	static final String LAPSED = "lapsed@demo.test";

	static final List<DemoAccount> ALL = List.of(new DemoAccount(OWNER, "Olivia Owner", MemberRole.OWNER),
			new DemoAccount("admin@demo.test", "Ada Administrator", MemberRole.ADMINISTRATOR),
			new DemoAccount(EDITOR, "Eddie Editor", MemberRole.EDITOR),
			new DemoAccount("author@demo.test", "Arun Author", MemberRole.AUTHOR),
			new DemoAccount("contributor@demo.test", "Cora Contributor", MemberRole.CONTRIBUTOR),
			new DemoAccount("reader@demo.test", "Rosa Reader", MemberRole.MEMBER),
			new DemoAccount(SUBSCRIBER, "Sam Subscriber", MemberRole.MEMBER),
			new DemoAccount(LAPSED, "Lee Lapsed", MemberRole.MEMBER));

}
