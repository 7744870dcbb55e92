/**
 * The member list composed from three modules: members (accounts, notes, labels), billing
 * (status, plan) and newsletters (opt-ins), each asked through its public API for ids or
 * for the facts of a page of ids, never by joining their tables. Also the CSV export and
 * the two-step CSV import.
 */
@NullMarked
package org.backstory.admin.members;

import org.jspecify.annotations.NullMarked;
