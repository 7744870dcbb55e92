package org.backstory.email;

import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Delivers over SMTP with Jakarta Mail. */
final class SmtpTransport implements MailTransport {

	private final JavaMailSenderImpl sender;

	private final String from;

	SmtpTransport(MailProperties properties) {
		this.sender = new JavaMailSenderImpl();
		this.from = properties.from();
		sender.setHost(properties.host());
		sender.setPort(properties.port());
		sender.setDefaultEncoding("UTF-8");
		Properties smtp = sender.getJavaMailProperties();
		// Timeouts keep a hung server from pinning a delivery thread (Jakarta Mail waits forever by default).
		smtp.put("mail.smtp.connectiontimeout", "5000");
		smtp.put("mail.smtp.timeout", "10000");
		smtp.put("mail.smtp.writetimeout", "10000");
		smtp.put("mail.smtp.starttls.enable", String.valueOf(properties.starttls()));
		smtp.put("mail.smtp.starttls.required", String.valueOf(properties.starttls()));
		if (properties.authenticated()) {
			sender.setUsername(properties.username());
			sender.setPassword(properties.password());
			smtp.put("mail.smtp.auth", "true");
		}
	}

	@Override
	public void deliver(OutgoingMail mail) throws Exception {
		sender.send(MimeMessages.build(sender.getSession(), from, mail));
	}

	@Override
	public String name() {
		return "smtp";
	}

	/** Connects and says hello, to tell whether the server is reachable. */
	void testConnection() throws Exception {
		sender.testConnection();
	}

}
