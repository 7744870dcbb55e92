package org.backstory.members.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.backstory.members.SiteName;
import org.backstory.members.account.TwoFactor.Setup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a staff member is handed when turning two-factor sign-in on: the authenticator
 * secret (sealed with this node's key before it is stored) with its {@code otpauth://}
 * URI for the QR code, and recovery codes, stored hashed and shown once.
 */
@Component
class TwoFactorEnrolment {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorEnrolment.class);

	/** The secret's length: 160 bits, as RFC 4226 recommends for HMAC-SHA1. */
	private static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TwoFactorRepository secrets;

	private final TwoFactorKey key;

	private final MemberRepository members;

	private final ObjectProvider<SiteName> siteName;

	private final Clock clock;

	TwoFactorEnrolment(TwoFactorRepository secrets, TwoFactorKey key, MemberRepository members,
			ObjectProvider<SiteName> siteName, Clock clock) {
		this.secrets = secrets;
		this.key = key;
		this.members = members;
		this.siteName = siteName;
		this.clock = clock;
	}

	/**
	 * A new secret, or the one the member began with and has not confirmed yet.
	 * @throws IllegalStateException when two-factor is on already
	 */
	Setup setup(long memberId) {
		Member member = members.findById(memberId).filter(found -> found.role().staff()).orElseThrow();
		if (!secrets.claimKey(key.fingerprint())) {
			log.error(
					"Two-factor setup refused: this node's key is not the one the database's secrets are sealed with");
			throw new WrongTwoFactorKeyException();
		}
		byte[] fresh = new byte[SECRET_BYTES];
		RANDOM.nextBytes(fresh);
		secrets.insertUnconfirmed(memberId, key.seal(memberId, fresh), clock.instant());
		TwoFactorRepository.Secret secret = secrets.find(memberId).orElseThrow();
		if (secret.confirmed()) {
			throw new IllegalStateException("two-factor is on already");
		}
		String base32 = Base32.encode(key.open(memberId, secret.sealed()));
		return new Setup(base32, uri(issuer(), member.email(), base32));
	}

	/** Ten new recovery codes, replacing the old ones; only their hashes are kept. */
	List<String> recoveryCodes(long memberId) {
		List<String> fresh = RecoveryCodes.generate();
		secrets.replaceRecoveryCodes(memberId,
				fresh.stream()
					.map(code -> RecoveryCodes.hash(memberId, RecoveryCodes.normalize(code).orElseThrow()))
					.toList(),
				clock.instant());
		return fresh;
	}

	private String issuer() {
		SiteName name = siteName.getIfAvailable();
		String issuer = name == null ? "" : name.siteName().strip();
		return issuer.isEmpty() ? "Backstory" : issuer;
	}

	/**
	 * The Key Uri Format:
	 * {@code otpauth://totp/Issuer:account?secret=...&issuer=Issuer&...}. A colon in the
	 * issuer would split the label wrongly, so it is dropped there.
	 */
	static String uri(String issuer, String account, String secret) {
		String labelIssuer = issuer.replace(":", "");
		return "otpauth://totp/" + encode(labelIssuer) + ":" + encode(account) + "?secret=" + secret + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.toSeconds();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
