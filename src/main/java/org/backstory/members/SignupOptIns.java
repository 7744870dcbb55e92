package org.backstory.members;

import java.util.List;

/**
 * What the sign-up form offers to opt into (newsletters, say), implemented by the modules
 * that own those things, so that members depends on none of them. The keys the new member
 * ticks travel in {@link MemberRegistered#optIns()}.
 */
public interface SignupOptIns {

	/** The choices to show, in order; asked each time the form is shown. */
	List<SignupOptIn> offered();

}
