package org.backstory.members.web;

/**
 * One of the member's sessions as their sessions page lists it.
 *
 * @param ref names the session in the form that ends it; not its id
 * @param device e.g. {@code Firefox on Linux}
 * @param network e.g. {@code 203.0.113.0/24}
 * @param signedIn when it was signed in, e.g. {@code 3 December 2026, 14:05 UTC}
 * @param lastActive when it was last used, likewise
 * @param current whether it is the session of the browser looking at the page
 */
public record SessionRow(String ref, String device, String network, String signedIn, String lastActive,
		boolean current) {
}
