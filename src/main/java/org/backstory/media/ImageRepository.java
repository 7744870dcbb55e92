package org.backstory.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code media.image} rows: which images exist and which copies each has. */
@Repository
class ImageRepository {

	private final JdbcClient jdbc;

	ImageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An image as stored: where its copies are and how large the largest is. */
	record StoredRow(String name, String folder, String extension, List<Integer> widths, int height) {
	}

	/** An image with where its original is, for the export. */
	record ArchivedRow(StoredRow stored, String originalExtension, Instant createdAt) {
	}

	/** A new image's row. */
	record NewRow(String sha256, String name, String folder, String extension, String originalExtension,
			int originalWidth, int originalHeight, long originalBytes, List<Integer> widths, int height,
			Instant createdAt) {
	}

	Optional<StoredRow> bySha256(String sha256) {
		return jdbc.sql("select name, folder, extension, widths, height from media.image where sha256 = ?")
			.param(sha256)
			.query((rs, row) -> stored(rs))
			.optional();
	}

	/**
	 * Inserts the row unless the same bytes were stored meanwhile; either way the stored
	 * row comes back.
	 */
	StoredRow insert(NewRow image) {
		jdbc.sql("""
				insert into media.image (sha256, name, folder, extension, original_extension, original_width,
				  original_height, original_bytes, widths, height, created_at)
				values (:sha, :name, :folder, :extension, :originalExtension, :originalWidth, :originalHeight,
				  :originalBytes, cast(:widths as integer[]), :height, :at)
				on conflict (sha256) do nothing
				""")
			.param("sha", image.sha256())
			.param("name", image.name())
			.param("folder", image.folder())
			.param("extension", image.extension())
			.param("originalExtension", image.originalExtension())
			.param("originalWidth", image.originalWidth())
			.param("originalHeight", image.originalHeight())
			.param("originalBytes", image.originalBytes())
			.param("widths", image.widths().toArray(Integer[]::new))
			.param("height", image.height())
			.param("at", image.createdAt().atOffset(ZoneOffset.UTC))
			.update();
		return bySha256(image.sha256()).orElseThrow();
	}

	/** Every image, in name order (names are unique). */
	List<ArchivedRow> all() {
		return jdbc
			.sql("select name, folder, extension, widths, height, original_extension, created_at"
					+ " from media.image order by name")
			.query((rs, row) -> new ArchivedRow(stored(rs), rs.getString("original_extension"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private static StoredRow stored(ResultSet rs) throws SQLException {
		Integer[] widths = (Integer[]) rs.getArray("widths").getArray();
		return new StoredRow(rs.getString("name"), rs.getString("folder"), rs.getString("extension"),
				Arrays.asList(widths), rs.getInt("height"));
	}

}
