package org.backstory.admin.dashboard;

import java.time.LocalDate;

/**
 * The dashboard's figures for one day or week.
 *
 * @param members readers with an account at the end of it
 * @param paid running paid subscriptions at the end of it
 * @param mrr monthly recurring revenue at the end of it, in minor units of the
 * dashboard's currency
 * @param signups readers who signed up in it
 * @param newPaid subscriptions that became paid in it
 * @param cancellations paid subscriptions canceled in it
 * @param trialsStarted free trials begun in it
 * @param trialsConverted trials whose first charge went through in it
 * @param trialsLapsed trials that ended unpaid in it
 */
record Bucket(LocalDate start, long members, long paid, long mrr, long signups, long newPaid, long cancellations,
		long trialsStarted, long trialsConverted, long trialsLapsed) {

	/** Readers without a running paid subscription (comps, gifts and trials included). */
	long free() {
		return Math.max(0, members - paid);
	}

}
