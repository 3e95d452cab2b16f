# SPDX-License-Identifier: BSD-3-Clause
#
# cf_route.sh -- a cf built by Tern's own macros (cf/) routes every address
# of the -bt corpus as the real sendmail.cf built from the same .mc does.
#
# For each config -- seed and mailhost of ../shared/conformance/bt, and the
# folders in test/conformance/cf/ (same layout, expected.txt recorded with
# the real sendmail on the real cf) -- the .mc is run through our m4 tree
# and run.sh compares in route mode (FILTER=route): the parse ruleset's
# triple, /parse's mailer line, /try's rewritten address, error lines and
# the exit status.  One case line per corpus case; the cases route mode
# does not compare (=S, $x, check_*, ...) are not reported.
#
# The engine is Tern's sendmail when build/bin/sendmail exists, and the
# reference sendmail 8.17 in any case ("via real sendmail": our macros with
# the reference engine).  Needs root and unshare for the pinned namespace.
. "$TERN_LIB"

name=cf_route
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	t_skip "$name" "needs root and unshare for the pinned namespace"
	exit 0
fi
if [ -z "${TERN_SHARED:-}" ] || [ ! -f "$TERN_SHARED/conformance/bt/run.sh" ]; then
	t_skip "$name" "no ../shared/conformance/bt beside the checkout"
	exit 0
fi
t_need m4
corpus=$TERN_SHARED/conformance/bt
cfdir=$TERN_TOP/cf

# Tern's engine when it is built; the reference sendmail always when it can
# be had (t_reference skips the whole file if it cannot and there is no
# engine of ours either)
engines=""
if [ -x "$TERN_BIN/sendmail" ]; then
	engines="tern"
	if SMREF=$(sh "$TERN_SHARED/reference/get-sendmail.sh" 2>/dev/null) &&
	    [ -x "$SMREF/usr/libexec/sendmail/sendmail" ]; then
		SMREF_BIN=$SMREF/usr/libexec/sendmail
		engines="$engines real"
	fi
else
	t_reference
	engines="real"
fi

# route_case LINE: true when run.sh's route mode compares this case
route_case() {
	last=${1##* ;; }
	case "$last" in "3,0 "*|"/parse "*|"/try "*) return 0 ;; esac
	return 1
}

# one_config DIR MC -- build our cf from DIR/MC, run the corpus with each engine
one_config() {
	dir=$1 mc=$2
	cfg=$(basename "$dir")
	ours=$TMPDIR/$cfg.cf
	if ! (cd "$cfdir/cf" && m4 "$dir/$mc") >"$ours" 2>"$TMPDIR/$cfg.m4err"; then
		t_fail "$name $cfg m4" "m4 failed: $(head -c 300 "$TMPDIR/$cfg.m4err")"
		return
	fi
	for eng in $engines; do
		if [ "$eng" = tern ]; then
			bin=$TERN_BIN/sendmail via=""
		else
			bin=$SMREF_BIN/sendmail via=" via real sendmail"
		fi
		out=$TMPDIR/$cfg.$eng.out
		FILTER=route MAXDIFFS=100000 bash "$corpus/run.sh" "$bin" "$ours" "$dir" \
		    >"$out" 2>"$TMPDIR/$cfg.$eng.err"
		if ! tail -n 1 "$out" | grep -qE '^[0-9]+ passed, [0-9]+ failed'; then
			t_fail "$name $cfg$via" "run.sh did not finish: $(tail -n 3 "$TMPDIR/$cfg.$eng.err" | tr '\n' ' ')"
			continue
		fi
		sed -n 's/^FAIL case \([0-9]*\): .*/\1/p' "$out" >"$TMPDIR/$cfg.failed"
		n=0
		while IFS= read -r line || [ -n "$line" ]; do
			n=$((n + 1))
			route_case "$line" || continue
			k=$(printf '%04d' "$n")
			label="$name $cfg $k$via: $(printf '%s' "$line" | cut -c1-60 | tr -c '[:print:]\n' '?')"
			if grep -qx "$k" "$TMPDIR/$cfg.failed"; then
				t_fail "$label" "routes differently from the real cf"
				awk -v k="$k" '/^FAIL case /{p = ($3 == k ":")} p' "$out" |
				    head -n 20 | sed 's/^/#   /'
			else
				t_ok "$label"
			fi
		done <"$dir/cases.txt"
	done
}

# seed: the lecture's text (with FEATURE(nodns), which only our macros know)
if [ -f "$corpus/seed/seed-original.mc" ]; then
	mkdir -p "$TMPDIR/seed"
	cp -R "$corpus/seed/." "$TMPDIR/seed/"
	one_config "$TMPDIR/seed" seed-original.mc
else
	one_config "$corpus/seed" seed.mc
fi
one_config "$corpus/mailhost" mailhost.mc
for d in "$TERN_TOP"/test/conformance/cf/*/; do
	[ -d "$d" ] || continue
	d=${d%/}
	# check/ and other folders without NAME.mc belong to other tests
	[ -f "$d/$(basename "$d").mc" ] || continue
	one_config "$d" "$(basename "$d").mc"
done
