package org.backstory.members;

import java.util.Map;

/**
 * What a reader did on this browser before they signed up, carried into their new account
 * when they confirm their address, implemented by the modules that kept it (the access
 * module's anonymous meter), so that members depends on none of them.
 */
public interface SignupCarryOver {

	/**
	 * Carries what the request's cookies say into the account of {@code memberId}, who
	 * has just confirmed their address on this browser. A cookie the implementing module
	 * cannot verify carries nothing.
	 * @param cookies the request's cookies by name
	 */
	void carryOver(long memberId, Map<String, String> cookies);

}
