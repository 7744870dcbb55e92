package org.backstory.newsletters;

import java.time.Clock;

import org.backstory.shared.StaffActions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether newsletters track opens (a pixel) and clicks (signed redirects). Off until the
 * owner turns it on; a send follows the choice in force when it starts, so turning it off
 * does not change what was already mailed.
 */
@Service
public class AnalyticsSettings {

	private final AnalyticsSettingRepository repository;

	private final StaffActions audit;

	private final Clock clock;

	AnalyticsSettings(AnalyticsSettingRepository repository, StaffActions audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether sends started now track opens and clicks. */
	@Transactional(readOnly = true)
	public boolean tracking() {
		return repository.tracking();
	}

	/**
	 * Turns tracking on or off for sends that start from now on, recorded in the audit
	 * log.
	 * @return whether it changed
	 */
	@Transactional
	public boolean setTracking(boolean tracking, long staffId) {
		if (repository.tracking() == tracking) {
			return false;
		}
		repository.save(tracking, staffId, clock.instant());
		audit.record(staffId, "newsletter.tracking", "newsletter analytics", tracking ? "on" : "off");
		return true;
	}

}
