package org.backstory.members.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing and the hourly clean-up of spent tokens, email change links and stale
 * throttle counters.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	/**
	 * Argon2 for new hashes; each hash names its algorithm ({@code {argon2}...}), so a
	 * later switch keeps old hashes working.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	@Bean
	RecurringTask<Void> membersHousekeepingTask(OneTimeTokens tokens, EmailChangeRepository emailChanges,
			SignInThrottle throttle, Clock clock) {
		return Tasks.recurring("members-housekeeping", FixedDelay.ofHours(1)).execute((instance, context) -> {
			tokens.purgeExpired();
			// As for one-time tokens: a week after expiry, when a late click no longer
			// needs a precise message.
			emailChanges.purgeExpired(clock.instant().minus(Duration.ofDays(7)));
			throttle.purgeStale();
		});
	}

}
