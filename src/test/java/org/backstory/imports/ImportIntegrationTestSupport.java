package org.backstory.imports;

import org.backstory.billing.BillingFixtures;
import org.backstory.billing.PlanCatalog;
import org.backstory.members.MemberDirectory;
import org.backstory.publishing.ArticleEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every import test over HTTP starts from: a plan paid subscribers can be imported
 * onto, an administrator signed in at the import desk and archives with a run token of
 * their own; afterwards the articles the test imported are removed, so lists and feeds
 * are as before.
 */
abstract class ImportIntegrationTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog plans;

	@Autowired
	ArticleEditor editor;

	@Autowired
	JdbcClient jdbc;

	ImportDesk desk;

	Archives archives;

	@BeforeEach
	void openTheImportDesk() {
		plans.createPlan(BillingFixtures.newPlan());
		desk = ImportDesk.signedIn(port, directory);
		archives = archives();
	}

	/**
	 * The archives this class imports, made once the desk is open; these have no staff of
	 * the site's own.
	 */
	Archives archives() {
		return new Archives();
	}

	@AfterEach
	void removeImportedArticles() {
		ImportDesk.removeImports(jdbc, archives.run);
	}

	/** A slug of the archives' posts, which all end in the run token. */
	String slug(String name) {
		return name + "-" + archives.run;
	}

}
