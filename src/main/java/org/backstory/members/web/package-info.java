/**
 * The members module's pages and the pieces of Spring Security it plugs in (sign-in,
 * sessions).
 */
@NullMarked
package org.backstory.members.web;

import org.jspecify.annotations.NullMarked;
