package org.backstory.newsletters;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The newsletter messages a member was sent, newest first, from the sends' recipient
 * rows.
 */
@Service
public class NewsletterMessages {

	private final AddressMessageRepository repository;

	NewsletterMessages(AddressMessageRepository repository) {
		this.repository = repository;
	}

	/**
	 * Up to {@code limit} messages to this address (the recipient rows keep the address
	 * each was sent to).
	 */
	public List<NewsletterMessage> to(String address, int limit) {
		return repository.to(address, limit);
	}

}
