// Drives Backstory's Content API with Ghost's own client (@tryghost/content-api), as a theme or a Next.js
// front end would, and prints what it saw as one line of JSON for GhostClientIntegrationTests to check.
const GhostContentAPI = require('@tryghost/content-api');

const {BACKSTORY_URL: url, CONTENT_KEY: key, TAG: tag, PUBLIC_SLUG: publicSlug, PAID_SLUG: paidSlug} = process.env;
const api = new GhostContentAPI({url, key, version: 'v5.0'});
const slugs = posts => posts.map(post => post.slug);
const errorName = promise => promise.then(() => 'resolved', error => error.name);

(async () => {
    const out = {};
    const browse = await api.posts.browse({limit: 2, include: 'tags,authors', filter: `tag:${tag}`});
    out.browse = {
        isArray: Array.isArray(browse), slugs: slugs(browse), pagination: browse.meta.pagination,
        primaryTag: browse[0].primary_tag.slug, authors: browse[0].authors.length, primaryAuthor: !!browse[0].primary_author
    };
    const one = await api.posts.browse({filter: `slug:${publicSlug}`});
    out.browseOne = {isArray: Array.isArray(one), length: one.length, hasMeta: !!one.meta};
    const bySlug = await api.posts.read({slug: publicSlug}, {formats: ['html', 'plaintext']});
    out.bySlug = {isArray: Array.isArray(bySlug), slug: bySlug.slug, access: bySlug.access, plaintext: bySlug.plaintext};
    const byId = await api.posts.read({id: bySlug.id});
    out.byId = {slug: byId.slug, publishedAt: byId.published_at};
    const paid = await api.posts.read({slug: paidSlug}, {formats: ['html', 'plaintext']});
    out.paid = {access: paid.access, visibility: paid.visibility, html: paid.html, plaintext: paid.plaintext, excerpt: paid.excerpt};
    const second = await api.posts.browse({limit: 1, page: 2, filter: `tag:${tag}`, order: 'published_at asc'});
    out.secondPage = {slugs: slugs(second), pagination: second.meta.pagination};
    out.paidOnly = slugs(await api.posts.browse({filter: `tag:${tag}+visibility:paid`}));
    out.excluding = slugs(await api.posts.browse({filter: `tags:[${tag}]+id:-${bySlug.id}`}));
    const tags = await api.tags.browse({include: 'count.posts', filter: `slug:${tag}`});
    out.tags = tags.map(t => ({slug: t.slug, posts: t.count.posts}));
    const authors = await api.authors.browse({limit: 'all', include: 'count.posts'});
    out.authors = {isArray: Array.isArray(authors), anyWithPosts: authors.some(a => a.count.posts > 0)};
    const settings = await api.settings.browse();
    out.settings = {isArray: Array.isArray(settings), title: settings.title};
    out.tiers = (await api.tiers.browse({include: 'monthly_price,yearly_price'})).map(t => t.type);
    out.newsletters = Array.isArray(await api.newsletters.browse());
    out.pages = (await api.pages.browse()).length;
    out.notFound = await errorName(api.posts.read({id: 'nope'}));
    out.notFoundSlug = await errorName(api.posts.read({slug: 'no-such-post-anywhere'}));
    out.badFilter = await errorName(api.posts.browse({filter: 'authors.email:x'}));
    const unknown = new GhostContentAPI({url, key: '0123456789abcdef0123456789', version: 'v5.0'});
    out.unknownKey = await errorName(unknown.posts.browse());
    console.log(JSON.stringify(out));
})().catch(error => {
    console.error(error);
    process.exit(1);
});
