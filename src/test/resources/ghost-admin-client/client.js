// Ghost's own Admin API client against a running Backstory; prints what it saw as one line of JSON.
const GhostAdminAPI = require('@tryghost/admin-api');

const url = process.env.BACKSTORY_URL;
const title = process.env.TITLE;
const api = new GhostAdminAPI({url, key: process.env.ADMIN_KEY, version: 'v5.0'});

async function errorName(call) {
    try {
        await call();
        return 'none';
    } catch (error) {
        return error.name + (error.code ? ':' + error.code : '');
    }
}

(async () => {
    const out = {};
    const site = await api.site.read();
    out.site = {title: site.title, url: site.url};
    const post = await api.posts.add({
        title,
        html: '<p>The free opening.</p><!--members-only--><p>The paid secret.</p>',
        status: 'published',
        visibility: 'paid',
        custom_excerpt: 'A dek from the client.',
        tags: [{name: title + ' tag'}]
    }, {source: 'html'});
    out.added = {id: post.id, status: post.status, visibility: post.visibility, html: post.html,
        tags: post.tags.map(tag => tag.name), excerpt: post.custom_excerpt};
    const edited = await api.posts.edit({...post, title: title + ' edited'});
    out.edited = {title: edited.title, html: edited.html};
    out.collision = await errorName(() => api.posts.edit({id: post.id, updated_at: post.updated_at, title: 'stale'}));
    out.read = (await api.posts.read({id: post.id})).title;
    const browse = await api.posts.browse({filter: 'status:published'});
    out.browse = {isArray: Array.isArray(browse), ids: browse.map(one => one.id), total: browse.meta.pagination.total};
    out.tags = (await api.tags.browse({limit: 'all'})).map(tag => tag.name);
    await api.posts.delete({id: post.id});
    out.afterDelete = await errorName(() => api.posts.read({id: post.id}));
    const members = new GhostAdminAPI({url, key: process.env.MEMBERS_KEY, version: 'v5.0'});
    const email = process.env.MEMBER_EMAIL;
    const member = await members.members.add({email, name: 'Client Reader', labels: [{name: title + ' label'}],
        newsletters: []}, {send_email: false});
    out.memberAdded = {id: member.id, email: member.email, labels: member.labels.map(label => label.name),
        status: member.status, subscribed: member.subscribed};
    const memberEdited = await members.members.edit({id: member.id, name: 'Client Reader Edited', note: 'From the client'});
    out.memberEdited = {name: memberEdited.name, note: memberEdited.note};
    out.memberRead = (await members.members.read({id: member.id})).name;
    const found = await members.members.browse({filter: `email:'${email}'`});
    out.memberBrowse = {isArray: Array.isArray(found), ids: found.map(one => one.id), total: found.meta.pagination.total};
    out.memberDuplicate = await errorName(() => members.members.add({email}));
    out.editorAddsMember = await errorName(() => api.members.add({email: 'editor-' + email}));
    const stranger = new GhostAdminAPI({url, key: '0123456789abcdef01234567:' + 'ab'.repeat(32), version: 'v5.0'});
    out.unknownKey = await errorName(() => stranger.site.read());
    console.log(JSON.stringify(out));
})().catch((error) => {
    console.error(error);
    process.exit(1);
});
