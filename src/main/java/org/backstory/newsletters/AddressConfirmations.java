package org.backstory.newsletters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.backstory.email.Mailer;
import org.backstory.email.SystemMail;
import org.backstory.members.MemberDeleted;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.shared.BackstoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a member gets newsletters to a suppressed address again: they ask for a link, which
 * is mailed to the address (as transactional mail, which suppression does not stop), and
 * confirming it lifts the suppression. That proves the mailbox takes mail again and that
 * its owner wants newsletters. A link works once, for 24 hours, for the member who asked
 * and while their address stays the same; a member may ask once per 5 minutes. Only the
 * token's SHA-256 is stored.
 */
@Service
public class AddressConfirmations {

	static final Duration LIFETIME = Duration.ofHours(24);

	static final Duration INTERVAL = Duration.ofMinutes(5);

	/** The path of the page where a member asks for a link; links are below it. */
	public static final String PATH = "/newsletters/confirm-address";

	private static final Logger log = LoggerFactory.getLogger(AddressConfirmations.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AddressConfirmationRepository repository;

	private final Suppressions suppressions;

	private final MemberDirectory members;

	private final Mailer mailer;

	private final BackstoryProperties site;

	private final Clock clock;

	AddressConfirmations(AddressConfirmationRepository repository, Suppressions suppressions, MemberDirectory members,
			Mailer mailer, BackstoryProperties site, Clock clock) {
		this.repository = repository;
		this.suppressions = suppressions;
		this.members = members;
		this.mailer = mailer;
		this.site = site;
		this.clock = clock;
	}

	/** What came of asking for a link. */
	public enum Request {

		/** A link is on its way to the member's address. */
		SENT,
		/** The member asked less than 5 minutes ago; nothing was sent. */
		THROTTLED,
		/** The address is not suppressed, so there is nothing to confirm. */
		NOT_SUPPRESSED

	}

	/** What a link can do, or did. */
	public enum LinkState {

		/** It can confirm the address. */
		USABLE,
		/** It confirmed the address: newsletters reach it again. */
		CONFIRMED,
		/** Older than 24 hours. */
		EXPIRED,
		/** Already used. */
		USED,
		/** Made up, tampered with, replaced by a newer link, or another member's. */
		INVALID,
		/** The member's address is no longer the one the link was sent to. */
		ADDRESS_CHANGED

	}

	/**
	 * Mails the member a link to confirm their address, if it is suppressed and they did
	 * not just ask.
	 */
	@Transactional
	public Request request(long memberId) {
		MemberProfile member = members.profile(memberId).orElseThrow();
		Optional<Suppression> suppression = suppressions.find(member.email());
		if (suppression.isEmpty()) {
			return Request.NOT_SUPPRESSED;
		}
		String token = newToken();
		Instant now = clock.instant();
		boolean issued = repository.issue(memberId, hash(token), member.email(), now, now.plus(LIFETIME),
				now.minus(INTERVAL));
		if (!issued) {
			return Request.THROTTLED;
		}
		mailer.send(SystemMail.to(member.email(), "Confirm your address to get newsletters again")
			.heading("Get newsletters again")
			.paragraph("Hello " + member.name() + ",")
			.paragraph(suppression.get().reason().explanation())
			.paragraph("To get newsletters at this address again, press the button and then the button on the page.")
			.action("Confirm your address", site.link(PATH + "/" + token))
			.note("The link works once, within 24 hours. If you did not ask for it, ignore this mail: nothing "
					+ "changes."));
		log.info("Address confirmation link sent member={}", memberId);
		return Request.SENT;
	}

	/** What {@code token} can do for this member, without using it. */
	@Transactional(readOnly = true)
	public LinkState check(String token, long memberId) {
		return state(find(token, false), memberId);
	}

	/**
	 * Uses the link: lifts the suppression of the member's address if the link is
	 * {@link LinkState#USABLE}.
	 */
	@Transactional
	public LinkState confirm(String token, long memberId) {
		Optional<AddressConfirmationRepository.Link> link = find(token, true);
		LinkState state = state(link, memberId);
		if (state != LinkState.USABLE) {
			return state;
		}
		repository.markUsed(memberId, clock.instant());
		suppressions.lift(link.get().address());
		log.info("Address confirmed member={}", memberId);
		return LinkState.CONFIRMED;
	}

	@EventListener
	void onDeleted(MemberDeleted event) {
		repository.delete(event.memberId());
	}

	/**
	 * The link's row; locked when about to be used, so two presses of the button confirm
	 * once.
	 */
	private Optional<AddressConfirmationRepository.Link> find(String token, boolean forUpdate) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		return repository.find(hash(token), forUpdate);
	}

	private LinkState state(Optional<AddressConfirmationRepository.Link> found, long memberId) {
		if (found.isEmpty() || found.get().memberId() != memberId) {
			return LinkState.INVALID;
		}
		AddressConfirmationRepository.Link link = found.get();
		if (link.used()) {
			return LinkState.USED;
		}
		if (!link.expiresAt().isAfter(clock.instant())) {
			return LinkState.EXPIRED;
		}
		boolean sameAddress = members.profile(memberId)
			.filter(member -> Suppressions.key(member.email()).equals(Suppressions.key(link.address())))
			.isPresent();
		return sameAddress ? LinkState.USABLE : LinkState.ADDRESS_CHANGED;
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static boolean wellFormed(String token) {
		return token.length() == 43 && token.chars()
			.allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_');
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
