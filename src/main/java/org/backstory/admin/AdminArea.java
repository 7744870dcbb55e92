package org.backstory.admin;

/**
 * The staff area's sections as the side navigation lists them, in order, after the
 * overview at {@code /admin} that links to every staff page. Who sees each is not written
 * here: the navigation asks the security filter chain whether the staff member may open
 * the area's address, so the menu and the URL rules cannot disagree.
 */
enum AdminArea {

	OVERVIEW("Overview", "/admin"), ARTICLES("Articles", "/admin/articles"),
	STORYLINES("Storylines", "/admin/storylines"), TAGS("Tags", "/admin/tags"), MEMBERS("Members", "/admin/members"),
	NEWSLETTERS("Newsletters", "/admin/newsletters"), BILLING("Billing", "/admin/billing"),
	DASHBOARD("Dashboard", "/admin/dashboard"), SETTINGS("Settings", "/admin/settings"), STAFF("Staff", "/admin/staff");

	private final String label;

	private final String href;

	AdminArea(String label, String href) {
		this.label = label;
		this.href = href;
	}

	String label() {
		return label;
	}

	String href() {
		return href;
	}

	/**
	 * {@code page} on the area's own address, {@code true} anywhere below it, else null:
	 * the value of the link's {@code aria-current}.
	 */
	String currentFor(String path) {
		if (path.equals(href)) {
			return "page";
		}
		// The overview holds every area, so it is current only on its own page.
		return this != OVERVIEW && path.startsWith(href + "/") ? "true" : null;
	}

}
