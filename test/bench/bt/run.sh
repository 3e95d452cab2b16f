#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# test/bench/bt/run.sh -- instructions per address in sendmail -bt, Tern
# against the real sendmail 8.17, counted by valgrind --tool=callgrind
# (repeatable, unlike seconds).  A benchmark, never a test.
#
#   bash test/bench/bt/run.sh [N]        # N addresses per mix (default 10000)
#
# Two mixes over the seed config in the pinned namespace of
# ../shared/conformance/bt/run.sh (needs root and unshare):
#   typical  N times "3,0 user@remote.example.com"
#   corpus   the corpus's "3,0 ..." lines, cycled to N lines
# Each binary also runs an empty session; its count (start-up, reading the
# cf) is subtracted before dividing by N.  Prints one line per binary and mix.
set -eu
N=${1:-10000}
top=$(cd "$(dirname "$0")/../../.." && pwd)
bt=$top/../shared/conformance/bt
[ -f "$bt/run.sh" ] || { echo "no ../shared/conformance/bt" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
# valgrind 3.19 cannot read gcc 12's default DWARF 5: a -gdwarf-4 build
if [ -z "${TERN_SENDMAIL:-}" ]; then
	make -s -C "$top" MODE=rel BUILDTAG=bench CFLAGS=-gdwarf-4 all >/dev/null
	TERN_SENDMAIL=$top/build/rel-bench/bin/sendmail
fi
tern=$TERN_SENDMAIL
[ -x "$tern" ] || { echo "no binary: $tern" >&2; exit 2; }
w=$(mktemp -d /tmp/tern-bench-bt.XXXXXX)
trap 'rm -rf "$w"' EXIT
chmod 755 "$w"

yes '3,0 user@remote.example.com' | head -n "$N" >"$w/typical"
grep -a '^3,0 ' "$bt/seed/cases.txt" >"$w/lines"
: >"$w/corpus"
while [ "$(wc -l <"$w/corpus")" -lt "$N" ]; do cat "$w/lines" >>"$w/corpus"; done
head -n "$N" "$w/corpus" >"$w/corpus.n" && mv "$w/corpus.n" "$w/corpus"
: >"$w/empty"

# count BIN INPUT -> total instructions of one -bt session
count() {
	local out=$w/cg.$$.$RANDOM
	SM_WRAP="valgrind --tool=callgrind --callgrind-out-file=$out" \
	    bash "$bt/run.sh" "$1" auto seed --pipe <"$2" >/dev/null 2>&1 || true
	awk '/^(summary|totals):/ { print $2; exit }' "$out"
	rm -f "$out"
}

# the real binary is setgid, which valgrind refuses: count a plain copy
realbin=${SM_ANCHOR_CACHE:-/tmp/sendmail-anchor-cache}/sendmail-bin/root/usr/libexec/sendmail/sendmail
[ -x "$realbin" ] || bash "$bt/run.sh" real auto seed --pipe </dev/null >/dev/null 2>&1
cp "$realbin" "$w/sendmail-8.17" && chmod 755 "$w/sendmail-8.17"

for bin in "$w/sendmail-8.17" "$tern"; do
	name=tern
	[ "$bin" = "$w/sendmail-8.17" ] && name="sendmail 8.17"
	base=$(count "$bin" "$w/empty")
	for mix in typical corpus; do
		total=$(count "$bin" "$w/$mix")
		echo "$name $mix: $(( (total - base) / N )) instructions per address" \
		    "(N=$N, start-up $base)"
	done
done
