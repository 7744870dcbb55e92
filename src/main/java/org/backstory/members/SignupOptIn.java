package org.backstory.members;

/**
 * One box to tick on the sign-up form.
 *
 * @param key what comes back in {@link MemberRegistered#optIns()} when ticked; unique
 * among all offered
 * @param label the box's label
 * @param description a sentence shown under the label, or empty
 * @param checked whether the box starts ticked
 */
public record SignupOptIn(String key, String label, String description, boolean checked) {
}
