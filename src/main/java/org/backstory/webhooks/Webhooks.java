package org.backstory.webhooks;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks staff manage at {@code /admin/webhooks}: add one (its secret shown once),
 * disable, enable and delete it, list its deliveries and send one again. Every change
 * goes into the audit log. Who may do this (owner and administrators) is decided by the
 * security configuration and the controller.
 */
@Service
public class Webhooks {

	/** How many of a webhook's latest deliveries its page lists. */
	public static final int LISTED_DELIVERIES = 100;

	static final int MAX_NAME = 191;

	private final HookRepository hooks;

	private final HookSecrets secrets;

	private final TargetAddresses addresses;

	private final Outbox outbox;

	private final StaffActions audit;

	private final Clock clock;

	Webhooks(HookRepository hooks, HookSecrets secrets, TargetAddresses addresses, Outbox outbox, StaffActions audit,
			Clock clock) {
		this.hooks = hooks;
		this.secrets = secrets;
		this.addresses = addresses;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every webhook, by event. */
	@Transactional(readOnly = true)
	public List<Hook> hooks() {
		return hooks.hooks();
	}

	@Transactional(readOnly = true)
	public Optional<Hook> hook(long id) {
		return hooks.hook(id);
	}

	/** The webhook's latest deliveries, newest first. */
	@Transactional(readOnly = true)
	public List<Delivery> deliveries(long hookId) {
		return hooks.deliveries(hookId, LISTED_DELIVERIES);
	}

	/**
	 * Adds a webhook, or says what is wrong with the form (field name to sentence) and
	 * adds nothing.
	 * @return the new webhook with its secret, to show once
	 */
	@Transactional
	public Added add(String event, String targetUrl, String name, long staffId) {
		Map<String, String> problems = new LinkedHashMap<>();
		Optional<WebhookEvent> known = WebhookEvent.of(event);
		if (known.isEmpty()) {
			problems.put("event", "Choose one of the events.");
		}
		TargetUrl.Checked target = TargetUrl.check(targetUrl, addresses);
		if (target.problem() != null) {
			problems.put("targetUrl", target.problem());
		}
		String trimmedName = name.strip();
		if (trimmedName.length() > MAX_NAME || trimmedName.chars().anyMatch(Character::isISOControl)) {
			problems.put("name", "The name must be at most " + MAX_NAME + " characters, on one line.");
		}
		if (!problems.isEmpty()) {
			return new Added(null, null, problems);
		}
		String secret = HookSecrets.generate();
		String url = targetUrl.strip();
		long id = hooks.insertHook(event, url, trimmedName, staffId, clock.instant(),
				hookId -> secrets.seal(hookId, secret));
		audit.record(staffId, "webhook.added", subject(id), event + " to " + url);
		return new Added(hooks.hook(id).orElseThrow(), secret, Map.of());
	}

	/** Stops or resumes sending; whether there is such a webhook. */
	@Transactional
	public boolean setActive(long id, boolean active, long staffId) {
		if (!hooks.setActive(id, active, active ? null : "Disabled by staff.")) {
			return false;
		}
		hooks.dropUnwatchedSnapshots();
		audit.record(staffId, active ? "webhook.enabled" : "webhook.disabled", subject(id), "");
		return true;
	}

	/** Deletes the webhook and its deliveries; whether there was one. */
	@Transactional
	public boolean delete(long id, long staffId) {
		Optional<Hook> hook = hooks.hook(id);
		if (hook.isEmpty()) {
			return false;
		}
		hooks.delete(id);
		hooks.dropUnwatchedSnapshots();
		audit.record(staffId, "webhook.deleted", subject(id), hook.get().event() + " to " + hook.get().targetUrl());
		return true;
	}

	/**
	 * Queues a delivery's body again, as a new delivery signed when it is sent.
	 * @return false when there is no such delivery of this webhook, or the webhook is
	 * disabled
	 */
	@Transactional
	public boolean sendAgain(long hookId, long deliveryId, long staffId) {
		Optional<Hook> hook = hooks.hook(hookId).filter(Hook::active);
		Optional<String> body = hooks.body(hookId, deliveryId);
		if (hook.isEmpty() || body.isEmpty()) {
			return false;
		}
		long id = outbox.queue(hookId, hook.get().event(), body.get());
		audit.record(staffId, "webhook.sent-again", subject(hookId), "delivery " + deliveryId + " as " + id);
		return true;
	}

	private static String subject(long id) {
		return "webhook " + id;
	}

	/**
	 * What adding a webhook gave.
	 *
	 * @param hook the new webhook, or null when the form had problems
	 * @param secret its signing secret, shown this once, or null
	 * @param problems field name to sentence; empty when it was added
	 */
	public record Added(@Nullable Hook hook, @Nullable String secret, Map<String, String> problems) {
	}

}
