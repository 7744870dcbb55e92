package org.backstory.email;

import java.util.Properties;

import jakarta.mail.Session;

/** The Jakarta Mail session both SMTP paths use: transactional mail and newsletters. */
final class SmtpSessions {

	private SmtpSessions() {
	}

	/**
	 * @param timeoutMillis how long a read or write may wait; timeouts keep a hung server
	 * from pinning a thread (Jakarta Mail waits forever by default)
	 */
	static Session of(MailProperties properties, int timeoutMillis) {
		Properties smtp = new Properties();
		smtp.put("mail.smtp.host", properties.host());
		smtp.put("mail.smtp.port", String.valueOf(properties.port()));
		smtp.put("mail.smtp.connectiontimeout", "5000");
		smtp.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
		smtp.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
		smtp.put("mail.smtp.starttls.enable", String.valueOf(properties.starttls()));
		smtp.put("mail.smtp.starttls.required", String.valueOf(properties.starttls()));
		smtp.put("mail.smtp.auth", String.valueOf(properties.authenticated()));
		// Closing should not wait for the server's answer to QUIT.
		smtp.put("mail.smtp.quitwait", "false");
		smtp.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
		return Session.getInstance(smtp);
	}

}
