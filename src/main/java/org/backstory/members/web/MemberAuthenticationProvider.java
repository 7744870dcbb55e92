package org.backstory.members.web;

import java.util.List;
import java.util.Optional;

import org.backstory.members.account.EmailAddresses;
import org.backstory.members.account.LockOutNotice;
import org.backstory.members.account.Member;
import org.backstory.members.account.MemberRepository;
import org.backstory.members.account.Passwords;
import org.backstory.members.account.SignInThrottle;
import org.backstory.members.account.SignInThrottle.Reservation;
import org.backstory.members.account.SignInThrottle.Subject;
import org.backstory.members.account.ThrottleRule;
import org.backstory.members.account.TwoFactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in for the login form. An unknown address, a link-only account, an
 * address not yet proven and a wrong password fail alike and take about as long, so the
 * form does not reveal which addresses have accounts. Until the address is proven,
 * whoever chose the password may not be its owner. Each attempt is reserved against its
 * address and IP before the password is checked, so parallel requests cannot check more
 * than the limits allow; over them, attempts are refused unchecked. A locked address is
 * mailed a sign-in link, so its owner is not locked out by whoever guessed. A staff
 * member with two-factor on gets no authentication from a right password:
 * {@link SecondFactorRequired} sends them to the code page instead.
 */
@Component
public class MemberAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(MemberAuthenticationProvider.class);

	private final MemberRepository members;

	private final Passwords passwords;

	private final SignInThrottle throttle;

	private final LockOutNotice lockOutNotice;

	private final TwoFactor twoFactor;

	MemberAuthenticationProvider(MemberRepository members, Passwords passwords, SignInThrottle throttle,
			LockOutNotice lockOutNotice, TwoFactor twoFactor) {
		this.members = members;
		this.passwords = passwords;
		this.throttle = throttle;
		this.lockOutNotice = lockOutNotice;
		this.twoFactor = twoFactor;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = EmailAddresses.normalize(authentication.getName());
		Object credentials = authentication.getCredentials();
		String password = credentials == null ? "" : credentials.toString();
		String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		boolean wellFormed = EmailAddresses.valid(email);
		Subject byIp = new Subject(ThrottleRule.LOGIN_IP, ip);
		List<Subject> subjects = wellFormed ? List.of(new Subject(ThrottleRule.LOGIN_EMAIL, email), byIp)
				: List.of(byIp);
		Reservation attempt = throttle.reserve(subjects);
		if (!attempt.allowed()) {
			boolean addressLocked = attempt.refusedBy(ThrottleRule.LOGIN_EMAIL);
			log.info("Sign-in refused reason=throttled addressLocked={}", addressLocked);
			if (addressLocked) {
				lockOutNotice.addressLocked(email);
			}
			throw new LoginThrottledException(addressLocked);
		}
		Optional<Member> member = wellFormed ? members.findByEmail(email).filter(Member::emailVerified)
				: Optional.empty();
		if (!passwords.matches(password, member.map(Member::passwordHash).orElse(null))) {
			// The reserved attempt stays counted: it was a failure.
			log.info("Sign-in failed memberId={}", member.map(Member::id).orElse(null));
			throw new BadCredentialsException("Email or password is incorrect.");
		}
		throttle.succeeded(attempt);
		if (twoFactor.asksCode(member.get())) {
			log.info("Password right, second factor asked memberId={}", member.get().id());
			throw new SecondFactorRequired(member.get().id());
		}
		log.info("Signed in memberId={} method=password", member.get().id());
		return new MemberAuthentication(member.get().signedIn());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
