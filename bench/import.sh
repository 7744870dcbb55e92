#!/usr/bin/env bash
# Generates a Ghost JSON export of N posts (default 5,000; every visibility, paywall markers, tags, two
# authors, Koenig card comments, plaintext and lexical as Ghost writes them), starts a fresh app (its own
# embedded PostgreSQL and demo content) on 127.0.0.1, signs in as the demo administrator, and times the
# upload with its dry run and the import over HTTP. Goal: the import of 5,000 posts under a minute.
# See bench/README.md. Needs JDK 17+, Maven, curl and python3.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly COUNT="${BENCH_POSTS:-5000}"
readonly GOAL_S=60
readonly JAR="${BENCH_JAR:-$REPO_ROOT/target/backstory-0.1.0-SNAPSHOT.jar}"
readonly RESULTS="$REPO_ROOT/target/bench"
BUILD=1
[[ "${1:-}" == "--no-build" ]] && BUILD=0
[[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && { echo "Usage: bench/import.sh [--no-build]   (BENCH_POSTS=N, default 5000)"; exit 0; }

WORK="$(mktemp -d)"
readonly STARTUP_TIMEOUT=180
# shellcheck source=bench/lib/app.sh
source "$REPO_ROOT/bench/lib/app.sh"

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	stop_app
	[[ ! -f "$WORK/app.log" ]] || cp "$WORK/app.log" "$RESULTS/import-app.log" || true
	rm -rf -- "$WORK"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$RESULTS"
build_app

log "generating a Ghost export of $COUNT posts"
python3 - "$COUNT" "$WORK/ghost-export.json" <<'PY'
import json, sys
count, out = int(sys.argv[1]), sys.argv[2]
visibilities = ["public", "members", "paid", "public", "paid"]
paragraph = ("The harbour board met on a grey morning and went through the ledger line by line, "
             "asking where the dredging money went and why the ferry timetable changed again. ")
posts, posts_tags, posts_authors, posts_meta = [], [], [], []
for i in range(count):
    pid = "%024x" % (0x6500000000000000 + i)
    visibility = visibilities[i % len(visibilities)]
    free = "".join("<p>%s Part %d, paragraph %d.</p>" % (paragraph, i, p) for p in range(3))
    gated = "".join("<p>%s Gated paragraph %d of post %d.</p>" % (paragraph, p, i) for p in range(6))
    card = '<!--kg-card-begin: html--><div class="note"><p>Note %d</p></div><!--kg-card-end: html-->' % i
    html = "<h2>Before you read</h2>" + free + card + ("<!--members-only-->" if visibility != "public" else "") + gated
    posts.append({"id": pid, "uuid": "00000000-0000-4000-8000-%012d" % i, "title": "Harbour ledger, part %d" % i,
                  "slug": "harbour-ledger-%d" % i, "mobiledoc": None,
                  "lexical": json.dumps({"root": {"children": [{"type": "paragraph", "text": paragraph * 9}]}}),
                  "html": html, "plaintext": paragraph * 9, "feature_image": None, "featured": 0, "type": "post",
                  "status": "published", "visibility": visibility, "created_at": "2023-01-01T00:00:00.000Z",
                  "updated_at": "2023-01-02T00:00:00.000Z",
                  "published_at": "2023-%02d-%02dT%02d:00:00.000Z" % (1 + i % 12, 1 + i % 28, i % 24),
                  "custom_excerpt": "What the ledger says, part %d." % i})
    posts_tags.append({"id": "pt%d" % i, "post_id": pid, "tag_id": "t%d" % (i % 20), "sort_order": 0})
    posts_authors.append({"id": "pa%d" % i, "post_id": pid, "author_id": "u%d" % (i % 2), "sort_order": 0})
    posts_meta.append({"id": "pm%d" % i, "post_id": pid, "meta_title": None, "meta_description": None, "email_only": False})
tags = [{"id": "t%d" % t, "name": "Topic %d" % t, "slug": "topic-%d" % t, "visibility": "public"} for t in range(20)]
users = [{"id": "u%d" % u, "name": "Writer %d" % u, "slug": "writer-%d" % u, "email": "writer%d@example.test" % u,
          "password": "not-imported", "bio": ""} for u in range(2)]
export = {"db": [{"meta": {"exported_on": 1733500000000, "version": "5.101.3"},
                  "data": {"posts": posts, "posts_tags": posts_tags, "posts_authors": posts_authors,
                           "posts_meta": posts_meta, "posts_products": [], "products": [], "tags": tags, "users": users}}]}
with open(out, "w") as f:
    json.dump(export, f)
PY
log "export: $(du -h "$WORK/ghost-export.json" | cut -f1)"

BACKSTORY_MAX_UPLOAD=200MB launch_app "$WORK/data" "$WORK/app.log" ${BENCH_JAVA_OPTS:-} -jar "$JAR"
wait_for_health

jar="$WORK/cookies.txt"
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
for attempt in $(seq 1 30); do
	csrf="$(curl -s -c "$jar" -b "$jar" "$APP_URL/login" | csrf_of)"
	code="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "email=admin@demo.test" \
		--data-urlencode "password=demo-password" --data-urlencode "_csrf=$csrf" "$APP_URL/login")"
	[[ "$code" =~ ^30[23]\  && "$code" != */login* ]] && break
	((attempt < 30)) || die "signing in as admin@demo.test failed ($code)"
	sleep 1
done
csrf="$(curl -s -c "$jar" -b "$jar" "$APP_URL/admin/import" | csrf_of)"
[[ -n "$csrf" ]] || die "GET /admin/import showed no form"

log "uploading (dry run)"
start=$(date +%s.%N)
code="$(curl -s -o "$WORK/dry-run.html" -w '%{http_code}' -c "$jar" -b "$jar" -F "_csrf=$csrf" \
	-F "file=@$WORK/ghost-export.json;type=application/json" "$APP_URL/admin/import")"
dry=$(echo "$(date +%s.%N) - $start" | bc)
[[ "$code" == 200 ]] || { grep -o 'class="import-problem">[^<]*' "$WORK/dry-run.html" | head -5 >&2; die "the dry run answered $code"; }
action="$(grep -o 'action="/admin/import/[0-9a-f]*/confirm"' "$WORK/dry-run.html" | sed 's/action="//; s/"$//')"
csrf="$(csrf_of <"$WORK/dry-run.html")"

log "importing"
start=$(date +%s.%N)
code="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" "$APP_URL$action")"
import=$(echo "$(date +%s.%N) - $start" | bc)
[[ "$code" == 303 ]] || die "the import answered $code"
notice="$(curl -s -c "$jar" -b "$jar" "$APP_URL/admin/import" | grep -o 'Imported from Ghost: [^.<]*')"
[[ "$notice" == *"$COUNT articles"* ]] || die "unexpected result: $notice"

printf 'posts=%s export=%s dry_run_s=%.1f import_s=%.1f goal_s=%s %s\n' "$COUNT" "$(du -h "$WORK/ghost-export.json" | cut -f1)" \
	"$dry" "$import" "$GOAL_S" "$( (($(echo "$import < $GOAL_S" | bc))) && echo met || echo missed)" | tee "$RESULTS/import.txt"
