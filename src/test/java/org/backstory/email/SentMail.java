package org.backstory.email;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test helper: the mail the app has queued, read from {@code email.outgoing_mail}. A
 * message is there as soon as the request that sent it has committed, whichever transport
 * delivers it, so tests need not wait. Other modules' tests use it to follow emailed
 * links: {@code SentMail.lastTo(jdbc, email).path("/login/link")}.
 *
 * @param id the message id
 * @param to the recipient
 * @param subject the subject line
 * @param text the plain-text body
 */
public record SentMail(long id, String to, String subject, String text) {

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/[^\\s]*)");

	/** The newest message to {@code address}, if any. */
	public static Optional<SentMail> latestTo(JdbcClient jdbc, String address) {
		return jdbc.sql("""
				select id, recipient, subject, text_body from email.outgoing_mail
				where lower(recipient) = lower(:address) order by id desc limit 1""")
			.param("address", address)
			.query((rs, row) -> new SentMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("text_body")))
			.optional();
	}

	/** The newest message to {@code address}; fails the test when there is none. */
	public static SentMail lastTo(JdbcClient jdbc, String address) {
		return latestTo(jdbc, address).orElseThrow(() -> new AssertionError("No mail to " + address));
	}

	/** How many messages went to {@code address}. */
	public static long countTo(JdbcClient jdbc, String address) {
		return jdbc.sql("select count(*) from email.outgoing_mail where lower(recipient) = lower(:address)")
			.param("address", address)
			.query(Long.class)
			.single();
	}

	/**
	 * How many messages went to exactly {@code address} with a subject starting
	 * {@code subjectPrefix}.
	 */
	public static long countTo(JdbcClient jdbc, String address, String subjectPrefix) {
		return jdbc.sql(
				"select count(*) from email.outgoing_mail where recipient = :address and starts_with(subject, :prefix)")
			.param("address", address)
			.param("prefix", subjectPrefix)
			.query(Long.class)
			.single();
	}

	/**
	 * How many messages carry an idempotency key starting {@code prefix}, e.g.
	 * {@code receipt-}.
	 */
	public static long countWithKeyStartingWith(JdbcClient jdbc, String prefix) {
		return jdbc.sql("select count(*) from email.outgoing_mail where starts_with(idempotency_key, :prefix)")
			.param("prefix", prefix)
			.query(Long.class)
			.single();
	}

	/**
	 * The path and query of the first link in the body whose path starts with
	 * {@code pathPrefix}, e.g. {@code /login/link?token=...}, ready for
	 * {@code Visitor.get}.
	 */
	public String path(String pathPrefix) {
		Matcher matcher = LINK.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).startsWith(pathPrefix)) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("No link to " + pathPrefix + " in mail '" + subject + "'");
	}

}
