# SPDX-License-Identifier: BSD-3-Clause
#
# bt.sh -- the sendmail -bt conformance corpus (../shared/conformance/bt),
# Tern's engine on the real generated cf, every case its own line.
#
# run.sh compares Tern's output with what sendmail 8.17 printed, case by
# case, inside a pinned namespace (needs root and unshare).  Cases listed in
# bt-known-failures.txt ("CONFIG NNNN") are reported as skip while the engine
# is being completed; any other failure is a "not ok", and a listed case that
# passes says so, so the list only shrinks.
. "$TERN_LIB"

name=bt
export LC_ALL=C
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	t_skip "$name" "needs root and unshare for the pinned namespace"
	exit 0
fi
if [ -z "${TERN_SHARED:-}" ] || [ ! -f "$TERN_SHARED/conformance/bt/run.sh" ]; then
	t_skip "$name" "no ../shared/conformance/bt beside the checkout"
	exit 0
fi
if [ ! -x "$TERN_BIN/sendmail" ]; then
	t_skip "$name" "build/bin/sendmail is not built yet"
	exit 0
fi
known=$(dirname "$0")/bt-known-failures.txt
corpus=$TERN_SHARED/conformance/bt

for cfg in seed mailhost; do
	out=$TMPDIR/$cfg.out
	MAXDIFFS=100000 bash "$corpus/run.sh" "$TERN_BIN/sendmail" auto "$cfg" \
	    >"$out" 2>"$TMPDIR/$cfg.err"
	if ! tail -n 1 "$out" | grep -qE '^[0-9]+ passed, [0-9]+ failed'; then
		t_fail "bt $cfg" "run.sh did not finish: $(tail -n 3 "$TMPDIR/$cfg.err" | tr '\n' ' ')"
		continue
	fi
	grep -aE '^FAIL case [0-9]+: ' "$out" | sed 's/^FAIL case \([0-9]*\): .*/\1/' \
	    >"$TMPDIR/$cfg.failed"
	n=0
	while IFS= read -r line || [ -n "$line" ]; do
		n=$((n + 1))
		k=$(printf '%04d' "$n")
		label="bt $cfg $k: $(printf '%s' "$line" | cut -c1-60 | tr -c '[:print:]' '?')"
		listed=no
		[ -f "$known" ] && grep -qx "$cfg $k" "$known" && listed=yes
		if grep -qx "$k" "$TMPDIR/$cfg.failed"; then
			if [ $listed = yes ]; then
				t_skip "$label" "known failure, listed in bt-known-failures.txt"
			else
				t_fail "$label" "output differs from sendmail 8.17"
				awk -v k="$k" '/^FAIL case /{p = ($3 == k ":")} p' "$out" |
				    head -n 30 | sed 's/^/#   /'
			fi
		else
			t_ok "$label"
			[ $listed = yes ] &&
			    echo "# $cfg $k passes now: remove it from bt-known-failures.txt"
		fi
	done <"$corpus/$cfg/cases.txt"
done
exit 0
