package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.backstory.admin.AdminProbe;
import org.backstory.backup.BackupArchive;
import org.backstory.backup.BackupRefusedException;
import org.backstory.backup.BackupWriter;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.media.MediaFiles;
import org.backstory.media.MediaLibrary;
import org.backstory.media.StoredImage;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.shared.BackstoryProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup restores: the owner downloads one of the populated shared site (the demo's
 * articles, members, subscriptions and payments, plus a member with a password, a paying
 * subscriber and an uploaded image), {@code restore} brings it into a fresh data
 * directory on a new embedded PostgreSQL, a backup of the restored database has every
 * table byte for byte as the original, and the restored site starts, signs the member in
 * with their password and serves the image. A restore never goes into a database that
 * already has tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackupRestoreIntegrationTests {

	private static final Set<String> CHECKED_TABLES = Set.of("database/publishing.article.copy",
			"database/members.member.copy", "database/billing.subscription.copy", "database/billing.payment.copy",
			"database/media.image.copy", "database/public.flyway_schema_history.copy");

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	MediaLibrary media;

	@Autowired
	MediaFiles mediaFiles;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temp;

	@AfterEach
	void dropStraySchema() {
		jdbc.sql("drop schema if exists backup_stray cascade").update();
	}

	@Test
	void aRestoredSiteHasEverythingBackAndItsMembersSignIn() throws Exception {
		// Another tool's table beside the app's is not the app's to back up (the restore
		// would refuse a table its migrations don't make).
		jdbc.sql("create schema backup_stray").update();
		jdbc.sql("create table backup_stray.notes (id int primary key)").update();
		jdbc.sql("insert into backup_stray.notes values (1)").update();
		String readerEmail = MemberFixtures.account(directory, "backup-reader", MemberRole.MEMBER);
		BillingFixtures.subscribedMember(directory, checkouts, catalog.createPlan(BillingFixtures.newPlan()),
				BillingInterval.MONTH, SandboxCards.SUCCEEDS);
		StoredImage image = media.upload(uniquePng());
		byte[] imageCopy = Files.readAllBytes(mediaFiles.root().resolve(image.url().substring("/media/".length())));

		String ownerEmail = MemberFixtures.account(directory, "backup-owner", MemberRole.OWNER);
		long ownerId = directory.findByEmail(ownerEmail).orElseThrow().id();
		Visitor owner = new Visitor(port);
		assertThat(owner.signIn(ownerEmail, MemberFixtures.PASSWORD).status()).isEqualTo(302);
		Visitor.Download download = owner.download("/admin/backup");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Disposition"))
			.matches("attachment; filename=\"backstory-backup-.*\\.zip\"");
		assertThat(download.header("Cache-Control")).contains("no-store");
		assertThat(AdminProbe.lastBy(jdbc, ownerId, "backup.downloaded").subject()).startsWith("backstory-backup-");
		Path original = temp.resolve("original.zip");
		Files.write(original, download.body());

		Path restoredDir = temp.resolve("restored");
		DatabaseProperties embedded = new DatabaseProperties(null, null, null, 4);
		ByteArrayOutputStream said = new ByteArrayOutputStream();
		assertThat(new BackupCommand(embedded, restoredDir, new PrintStream(said)).restore(original)).as(said::toString)
			.isZero();
		assertThat(said.toString()).contains("Restored the backup");

		Path again = temp.resolve("again.zip");
		try (HikariDataSource restored = DatabaseConfiguration.open(embedded, restoredDir);
				OutputStream out = Files.newOutputStream(again)) {
			new BackupWriter(restored, restoredDir, Clock.systemUTC()).write(out, Set.of());
		}
		assertThat(manifest(again).get("sequences")).isEqualTo(manifest(original).get("sequences"));
		Map<String, String> before = sums(original);
		Map<String, String> after = sums(again);
		// Whether a task was being run at the moment of the backup is not restored.
		before.remove("database/public.scheduled_tasks.copy");
		after.remove("database/public.scheduled_tasks.copy");
		assertThat(after).isEqualTo(before);
		assertThat(before).containsKeys(CHECKED_TABLES.toArray(String[]::new))
			.containsKey("files/media/" + image.url().substring("/media/".length()))
			.containsKey("files/two-factor.key")
			.doesNotContainKeys("database/public.spring_session.copy", "files/database-password");
		assertThat(rows(original, "database/billing.payment.copy")).isPositive();

		try (ConfigurableApplicationContext site = new SpringApplicationBuilder(BackstoryApplication.class).run(
				"--backstory.data-dir=" + restoredDir, "--backstory.database.url=", "--backstory.demo=false",
				"--server.port=0")) {
			int restoredPort = Integer.parseInt(site.getEnvironment().getProperty("local.server.port"));
			Visitor reader = new Visitor(restoredPort);
			assertThat(reader.signIn(readerEmail, "not the password").header("Location")).contains("error");
			assertThat(reader.signIn(readerEmail, MemberFixtures.PASSWORD).header("Location")).doesNotContain("error");
			assertThat(reader.get("/account").body()).contains(readerEmail);
			assertThat(reader.download(image.url()).body()).isEqualTo(imageCopy);
		}
	}

	@Test
	void aRestoreRefusesADatabaseThatHasTables() throws Exception {
		Path archive = temp.resolve("backup.zip");
		try (OutputStream out = Files.newOutputStream(archive)) {
			new BackupWriter(dataSource, temp.resolve("no-data-dir"), Clock.systemUTC()).write(out, Set.of());
		}
		BackupArchive opened = BackupArchive.open(archive);
		long members = jdbc.sql("select count(*) from members.member").query(Long.class).single();
		assertThatThrownBy(() -> opened.restoreDatabase(dataSource)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("already has tables");
		assertThat(jdbc.sql("select count(*) from members.member").query(Long.class).single()).isEqualTo(members);
	}

	private static JsonNode manifest(Path archive) throws IOException {
		try (ZipFile zip = new ZipFile(archive.toFile());
				InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

	private static Map<String, String> sums(Path archive) throws IOException {
		Map<String, String> sums = new TreeMap<>();
		manifest(archive).get("sha256")
			.properties()
			.forEach(entry -> sums.put(entry.getKey(), entry.getValue().asString()));
		return sums;
	}

	private static long rows(Path archive, String entry) throws IOException {
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			ZipEntry found = zip.getEntry(entry);
			try (InputStream in = zip.getInputStream(found)) {
				return new String(in.readAllBytes()).lines().count();
			}
		}
	}

	private static byte[] uniquePng() throws IOException {
		BufferedImage picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int x = 0; x < 40; x++) {
			for (int y = 0; y < 30; y++) {
				picture.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(picture, "png", out);
		return out.toByteArray();
	}

}
