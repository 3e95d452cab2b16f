#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# makemap_bt.sh -- maps built by Tern's makemap, looked up by the REAL
# sendmail 8.17 (-bt's /map), in a namespace of its own (root, unshare).
#
#  1. For hash and btree, maps built with and without -N, -f and -t are
#     looked up through K lines with and without -N, -O, -f: the real
#     sendmail must print the same for Tern's map as for the real
#     makemap's map of the same input.
#  2. The -bt corpus (../shared/conformance/bt, config mailhost and seed)
#     with its fixture maps built by Tern's makemap and the real sendmail
#     must pass as it does with the real makemap (run.sh's MAKEMAP).
#  3. When Tern's own sendmail is built, the same corpus runs with it and
#     Tern's maps; its pass count is reported (the engine's known
#     failures are test/conformance/bt.sh's business).
. "$TERN_LIB"
t_reference

if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	t_skip makemap_bt "needs root and unshare for a private host name"
	exit 0
fi
RM=$SMREF_BIN/makemap
TM=$TERN_BIN/makemap
SM=$SMREF_BIN/sendmail
W=$TMPDIR/mbt
mkdir -p "$W/r" "$W/t" || exit 1
W=$(cd "$W" && pwd -P)
LC_ALL=C
export LC_ALL
[ -x "$TM" ] || { t_fail makemap_bt "no $TM"; exit 1; }

{
	printf 'Key1\tvalue one\n'
	printf 'MiXeD.Case@Example.COM\tRelay:[mx.example.com]\n'
	printf 'percent\t%%1@%%2\n'
	printf 'Caf\303\251\t8-bit key\n'
	printf 'spaces   value with  spaces  \n'
} >"$W/in.ws"
tr '\t' ':' <"$W/in.ws" | sed 's/^spaces   /spaces:/' >"$W/in.colon"

LOOKUPS='/map m key1
/map m KEY1
/map m Key1
/map m mixed.case@example.com
/map m MiXeD.Case@Example.COM
/map m percent
/map m café
/map m Café
/map m spaces
/map m nosuch
/map m'

# bt DIR KFLAGS TYPE: the real sendmail's answers for DIR/m.db
bt() {
	cat >"$1/bt.cf" <<EOF
V10
O QueueDirectory=$W
O DontBlameSendmail=MapInUnsafeDirPath,TrustStickyBit
Djtern-test.example
Km $3 $2 $1/m
Mlocal, P=/bin/true, F=lsDFMA:|/, A=local \$u
S0
R\$+	\$#local \$: \$1
EOF
	printf '%s\n' "$LOOKUPS" | unshare -u sh -c 'hostname tern-test.example &&
	    exec "$1" -C "$2" -bt' sh "$SM" "$1/bt.cf" 2>&1 | sed "s|$1|DIR|g"
}

for ty in hash btree; do
	for mf in "" "-N" "-f" "-N -f" "-t :"; do
		in=$W/in.ws
		[ "$mf" = "-t :" ] && in=$W/in.colon
		for d in r t; do rm -f "$W/$d/m.db"; done
		# shellcheck disable=SC2086
		"$RM" -C /dev/null $mf "$ty" "$W/r/m" <"$in" >/dev/null 2>&1
		# shellcheck disable=SC2086
		"$TM" -C /dev/null $mf "$ty" "$W/t/m" <"$in" >/dev/null 2>&1
		for kf in "" "-N" "-O" "-f" "-N -f" "-O -f"; do
			n="/map $ty, makemap ${mf:-plain}, K ${kf:-plain}"
			bt "$W/r" "$kf" "$ty" >"$W/want"
			bt "$W/t" "$kf" "$ty" >"$W/got"
			# (a NUL convention that does not match finds
			# nothing: then both must find nothing alike)
			if ! grep -q '^> map_lookup: m ' "$W/want"; then
				t_fail "$n" "the real sendmail did not look"
				continue
			fi
			t_same "$n" "$W/want" "$W/got"
		done
	done
done

# ---- the -bt corpus -------------------------------------------------------
if [ -z "${TERN_SHARED:-}" ] || [ ! -f "$TERN_SHARED/conformance/bt/run.sh" ]; then
	t_skip "bt corpus with tern's maps" "no ../shared/conformance/bt"
	exit 0
fi
# corpus BIN CONFIG: run.sh's last line, "N passed, N failed"
corpus() {
	MAKEMAP=$TM MAXDIFFS=20 bash "$TERN_SHARED/conformance/bt/run.sh" \
	    "$1" auto "$2" >"$W/bt.out" 2>"$W/bt.err"
	tail -n 1 "$W/bt.out"
}
for cfg in mailhost seed; do
	[ -s "$TERN_SHARED/conformance/bt/$cfg/maps.txt" ] || continue
	res=$(corpus real "$cfg")
	case $res in
	*" passed, 0 failed") t_ok "bt $cfg: real sendmail, tern's maps ($res)" ;;
	*" passed, "*" failed")
		t_fail "bt $cfg: real sendmail, tern's maps" "$res"
		grep -A 12 '^FAIL' "$W/bt.out" | head -n 40 | sed 's/^/#   /' ;;
	*) t_fail "bt $cfg: real sendmail, tern's maps" \
		"run.sh did not finish: $(tail -n 2 "$W/bt.err" | tr '\n' ' ')" ;;
	esac
	if [ -x "$TERN_BIN/sendmail" ]; then
		res=$(corpus "$TERN_BIN/sendmail" "$cfg")
		echo "# bt $cfg with tern's sendmail and tern's maps: $res"
	fi
done
exit 0
