-- An article's engagement page (issue 16 §7) reads each module's rows for one article.
create index subscription_by_article on billing.subscription (article_id) where article_id is not null;
create index gift_link_by_article on access.gift_link (article_id);
create index metered_read_by_article on access.metered_read (article_id);
