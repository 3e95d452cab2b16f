#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# mbox_real.sh -- Tern's mailbox writer (sendmail/mbox.c) against the real
# local delivery agents, message by message, byte by byte.
#
#   1. Debian's mail.local (sendmail-bin 8.17.1.9) delivers a set of
#      messages to alice's /var/mail/alice (a scratch directory mounted
#      there in a private mount namespace, a pinned passwd with alice);
#      Tern's mbox_append with MBOX_F_CLEN appends the same messages to
#      another mailbox: the two files must be equal once the date of the
#      "From " lines is masked; the new mailboxes must have the same owner
#      and mode.
#   2. When procmail is installed: procmail -Y -f S -d alice delivers the
#      messages that end in one newline; Tern's default style (">From "
#      escaping) must give the same file once the "From " lines are
#      masked (procmail puts two spaces before the date).
#   3. Locking: Tern waits while a "alice.lock" dot-lock is held, and
#      mail.local waits while Tern holds one, neither writing in between.
# Needs root (unshare -m, mount --bind); skipped otherwise.
#
# Tern's side is a small driver compiled here from the archives of the
# build under test (it could become test/tools/mbox_append.c).
. "$TERN_LIB"
t_reference
LC_ALL=C
export LC_ALL
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	t_skip mbox_real "needs root and unshare for a private /var/mail"
	exit 0
fi
ML=$SMREF_BIN/mail.local
[ -x "$ML" ] || { t_skip mbox_real "no mail.local in the reference"; exit 0; }
W=$TMPDIR/mbox
mkdir -p "$W/msg" "$W/ml" "$W/tern" "$W/pm" "$W/etc" || exit 1
chmod 1777 "$W/ml" "$W/pm"

# ---- the driver: mbox_append on a message file "HEADER\n\nBODY" ----
cat >"$W/drv.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include "sendmail/mbox.h"

int
main(int argc, char **argv)
{
	static char msg[4 << 20];
	struct mbox_opts o = { 0, (uid_t)-1, (gid_t)-1, 0600, 30000, 300 };
	struct mbox_msg m;
	const char *why = "";
	FILE *f;
	size_t n;
	char *sep;
	int rc;

	if (argc != 7 || (f = fopen(argv[6], "rb")) == NULL)
		return EX_USAGE;
	n = fread(msg, 1, sizeof(msg) - 1, f);
	(void)fclose(f);
	msg[n] = '\0';
	sep = strstr(msg, "\n\n");
	if (sep == NULL)
		return EX_DATAERR;
	o.mo_flags = strcmp(argv[3], "clen") == 0 ? MBOX_F_CLEN : 0;
	o.mo_uid = (uid_t)atol(argv[4]);
	o.mo_gid = (gid_t)atol(argv[5]);
	memset(&m, 0, sizeof(m));
	m.mm_sender = argv[2];
	m.mm_time = time(NULL);
	m.mm_hdr = msg;
	m.mm_hdrlen = (size_t)(sep - msg) + 1;
	m.mm_bodyfd = -1;
	m.mm_body = sep + 2;
	m.mm_bodylen = n - (size_t)(sep + 2 - msg);
	rc = mbox_append(argv[1], &m, &o, &why);
	if (rc != EX_OK)
		fprintf(stderr, "mbox_append: %d %s\n", rc, why);
	return rc;
}
EOF
CC=${CC:-cc}
strings "$TERN_BUILD/lib/libsm.a" 2>/dev/null | grep -q 'clang version' &&
	CC=clang
case $(basename "$TERN_OBJ") in
san*) SANFLAGS="-fsanitize=address,undefined" ;;
*) SANFLAGS="" ;;
esac
DRV=$W/drv
# shellcheck disable=SC2086
if ! $CC -std=c11 -D_GNU_SOURCE $SANFLAGS -I"$TERN_TOP" -o "$DRV" \
    "$W/drv.c" "$TERN_OBJ/libsendmail.a" "$TERN_BUILD/lib/libsm.a" \
    -ldb -lresolv -lpthread >"$W/cc.out" 2>&1; then
	t_fail mbox_real "cannot build the driver"
	sed 's/^/#   /' "$W/cc.out" | head -n 20
	exit 1
fi

# ---- the messages (each with a header, a blank line, a final newline) ----
m() { printf "$2" >"$W/msg/$1"; }
m 01-plain 'Subject: plain\nTo: alice\n\nHello.\n'
m 02-from-lines 'Subject: from lines\n\nFrom me\n>From you\n>>From x\nfrom lower\n From sp\nFrom\n\nFrom after blank\nFromx\nFrom x Sun Nov 22 00:17:36 2026\nlast\n'
m 03-first-from 'Subject: s\n\nFrom the first line\nbody\n'
m 04-clen 'Subject: s\nContent-Length: 999\nX: y\n\nbody\n'
m 05-8bit 'Subject: =?utf-8?q?caf=C3=A9?=\nX-Raw: caf\303\251\n\n\303\251t\303\251 \377\200\n'
m 06-folded 'Subject: a folded\n  subject line\n\tand more\nReceived: from x\n\tby y; Sun, 22 Nov 2026 00:17:36 +0000\n\nbody\n'
m 07-empty-body 'Subject: empty\n\n'
m 08-blank-body 'Subject: blanks\n\n\n\n\n'
m 09-dots 'Subject: dots\n\n.\n..\n.x\n\n'
awk 'BEGIN { printf "Subject: long line\n\n";
	for (i = 0; i < 5000; i++) printf "%c", 97 + i % 26; printf "\n" }' \
	>"$W/msg/10-long-line"
awk 'BEGIN { printf "Subject: big\n\n";
	for (i = 0; i < 20000; i++)
		printf "%sline %06d of a one megabyte message\n",
		    (i % 7 == 0) ? "From " : "", i }' >"$W/msg/11-big"
m 12-header-from 'From odd header line\nSubject: s\n\nbody\n'

# pinned users: alice 1001:1001
printf 'root:x:0:0:root:/root:/bin/sh\nalice:x:1001:1001:Alice:/nonexistent:/bin/sh\n' >"$W/etc/passwd"
printf 'root:x:0:\nalice:x:1001:\n' >"$W/etc/group"

# in_ns CMD...: run CMD with $W/$BOX on /var/mail and the pinned users.
in_ns() {
	unshare -m -- sh -c '
		mount --bind "$1/$2" /var/mail &&
		mount --bind "$1/etc/passwd" /etc/passwd &&
		mount --bind "$1/etc/group" /etc/group || exit 99
		shift 2
		exec "$@"' in_ns "$W" "$BOX" "$@"
}

# mask FILE: the date of our "From sender@example.org DATE" lines
mask() {
	sed -E 's/^From sender@example\.org +[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]{4}$/From sender@example.org DATE/' "$1"
}

# ---- 1. mail.local vs MBOX_F_CLEN ----
BOX=ml
ok=1
for f in "$W"/msg/*; do
	in_ns "$ML" -f sender@example.org alice <"$f" >>"$W/ml.out" 2>&1 || ok=0
	"$DRV" "$W/tern/alice" sender@example.org clen 1001 1001 "$f" \
		>>"$W/tern.out" 2>&1 || ok=0
	n=$(basename "$f")
	mask "$W/ml/alice" | tail -c 3000000 >"$W/want.$n"
	mask "$W/tern/alice" | tail -c 3000000 >"$W/got.$n"
	t_same "mbox_real: mail.local style, after $n" "$W/want.$n" "$W/got.$n"
done
if [ $ok = 1 ]; then
	t_ok "mbox_real: every delivery succeeded"
else
	t_fail "mbox_real: every delivery succeeded" "see below"
	sed 's/^/#   /' "$W/ml.out" "$W/tern.out" | head -n 20
fi
t_check "mbox_real: new mailbox owner and mode as mail.local's" \
	test "$(stat -c '%u:%g %a' "$W/ml/alice")" = \
	"$(stat -c '%u:%g %a' "$W/tern/alice")"
t_check "mbox_real: new mailbox is alice's, mode 600" \
	test "$(stat -c '%u:%g %a' "$W/tern/alice")" = "1001:1001 600"

# ---- 2. procmail -Y vs the default style ----
if command -v procmail >/dev/null 2>&1; then
	BOX=pm
	rm -f "$W/tern/alice"
	for f in "$W"/msg/*; do
		# procmail ends a message with one blank line, but does not
		# add one after a body already ending in a blank line
		case $(tail -c 2 "$f" | od -An -c | tr -d ' ') in
		'\n\n') continue ;;
		esac
		# procmail takes a first line "From ..." for the envelope
		# line and replaces it; Tern never gets one (collect takes
		# it out)
		case $f in *header-from) continue ;; esac
		in_ns procmail -Y -f sender@example.org -d alice <"$f" \
			>>"$W/pm.out" 2>&1
		"$DRV" "$W/tern/alice" sender@example.org mboxo 1001 1001 "$f" \
			>>"$W/tern.out" 2>&1
	done
	mask "$W/pm/alice" >"$W/pm.want"
	mask "$W/tern/alice" >"$W/pm.got"
	t_same "mbox_real: >From escaping as procmail -Y" "$W/pm.want" \
		"$W/pm.got"
else
	t_skip "mbox_real: >From escaping as procmail -Y" "procmail is not installed"
fi

# ---- 3. the dot-lock is honoured both ways ----
BOX=ml
rm -f "$W/ml/alice"
echo $$ >"$W/ml/alice.lock"
"$DRV" "$W/ml/alice" sender@example.org clen 1001 1001 "$W/msg/01-plain" \
	>"$W/lock1.out" 2>&1 &
drv=$!
sleep 1
t_check "mbox_real: Tern waits while alice.lock exists" \
	test ! -s "$W/ml/alice"
rm -f "$W/ml/alice.lock"
wait $drv
t_check "mbox_real: Tern delivers once alice.lock is gone" \
	grep -q '^Hello\.$' "$W/ml/alice"
size=$(stat -c %s "$W/ml/alice")
# a dot-lock like the one Tern holds while it writes (a live pid in it):
# mail.local must not write until it is gone
echo $$ >"$W/ml/alice.lock"
in_ns "$ML" -f sender@example.org alice <"$W/msg/03-first-from" \
	>"$W/lock2.out" 2>&1 &
ml=$!
sleep 2
t_check "mbox_real: mail.local waits while alice.lock exists" \
	test "$(stat -c %s "$W/ml/alice")" = "$size"
rm -f "$W/ml/alice.lock"
wait $ml
t_check "mbox_real: mail.local delivers once alice.lock is gone" \
	grep -q '^From the first line$' "$W/ml/alice"
