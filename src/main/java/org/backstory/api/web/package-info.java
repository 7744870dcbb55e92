/** The owner's integrations page and the Ghost Content API's HTTP layer. */
@NullMarked
package org.backstory.api.web;

import org.jspecify.annotations.NullMarked;
