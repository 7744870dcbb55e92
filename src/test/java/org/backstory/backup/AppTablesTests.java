package org.backstory.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The backup's list of the app's schemas keeps up with the migrations. */
class AppTablesTests {

	private static final Pattern CREATE_SCHEMA = Pattern
		.compile("(?i)create\\s+schema\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	@Test
	void everySchemaTheMigrationsMakeIsBackedUpWithPublic() throws IOException {
		Set<String> made = new TreeSet<>();
		for (Resource migration : new PathMatchingResourcePatternResolver()
			.getResources("classpath:db/migration/*.sql")) {
			Matcher schema = CREATE_SCHEMA.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
			while (schema.find()) {
				made.add(schema.group(1).toLowerCase(Locale.ROOT));
			}
		}
		made.add("public");

		assertThat(made).hasSizeGreaterThan(10);
		assertThat(new TreeSet<>(AppTables.SCHEMAS)).isEqualTo(made);
	}

}
