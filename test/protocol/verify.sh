# SPDX-License-Identifier: BSD-3-Clause
#
# verify.sh -- "sendmail -bv" through the aliases (sendmail/verify.c over
# rcpt.c): nested aliases, programs, files, :include:, owner- lists,
# unknown users, duplicates, loops, self references, addresses with a
# host, deferred host lookups, -v's informational lines and a missing
# alias database, against the output and exit codes of sendmail 8.17
# recorded in the same pinned namespace (data/verify/verify.real, by
# data/verify/record.sh with the real binary and the cf of
# data/smtp/tern.mc).
# Needs root, unshare, m4 and the reference sendmail (for its m4 tree).
. "$TERN_LIB"
LC_ALL=C
export LC_ALL

name=verify
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	t_skip "$name" "needs root and unshare for a private namespace"
	exit 0
fi
t_need m4
t_reference
d=$TERN_TOP/test/protocol/data/verify
w=$TMPDIR/verify
mkdir -p "$w"
if ! (cd "$SMREF/usr/share/sendmail/cf/cf" &&
	m4 "$TERN_TOP/test/protocol/data/smtp/tern.mc") >"$w/cf" \
	2>"$w/m4.err"; then
	t_fail "$name: m4" "$(head -n 1 "$w/m4.err")"
	exit 0
fi
TMPDIR=$w sh "$d/record.sh" "$TERN_BIN/sendmail" "$w/cf" >"$w/got" 2>&1
# one check per case: its block of the recording
awk -v dir="$w" '/^== /{n++} {print > (dir "/exp." n)}' "$d/verify.real"
awk -v dir="$w" '/^== /{n++} {print > (dir "/got." n)}' "$w/got"
i=1
while [ -f "$w/exp.$i" ]; do
	c=$(head -n 1 "$w/exp.$i" | cut -c4-)
	[ -f "$w/got.$i" ] || : >"$w/got.$i"
	t_same "$name: -bv $c" "$w/exp.$i" "$w/got.$i"
	i=$((i + 1))
done
