package org.backstory.shared.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The staff area's side navigation as the admin layout draws it: the areas the signed-in
 * staff member may open, in order, the one being looked at marked. Every controller's
 * model carries one under the name {@code adminNav} (empty outside {@code /admin}), so
 * every module's admin page can frame itself without knowing the roles.
 *
 * @param links the areas shown
 */
public record AdminNav(List<Link> links) {

	/** No areas: outside the staff area. */
	public static final AdminNav NONE = new AdminNav(List.of());

	public AdminNav {
		links = List.copyOf(links);
	}

	/**
	 * Whether the staff member may open the area at this address (pages inside an area
	 * link to each other only when it is shown).
	 */
	public boolean opens(String href) {
		return links.stream().anyMatch(link -> link.href().equals(href));
	}

	/**
	 * One area.
	 *
	 * @param label what the link says
	 * @param href where it leads
	 * @param current {@code page} when this is the area's own page, {@code true} when the
	 * page is inside the area, null otherwise (as {@code aria-current} takes it)
	 */
	public record Link(String label, String href, @Nullable String current) {

		public Link(String label, String href) {
			this(label, href, null);
		}

	}

}
