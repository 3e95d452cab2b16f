#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# mailstats.sh -- the statistics file and mailstats, Tern's side by side
# with sendmail 8.17's.
#
#  1. Files written by Tern (sendmail/stats.c through test/tools/statstool)
#     are printed the same by the real mailstats and Tern's, in every
#     mode (-o, -P, -p), with mailer names from the cf.
#  2. A file written by the real sendmail (a message delivered and one
#     rejected over -bs, in a namespace of its own) likewise; then Tern's
#     update adds to it and the real sendmail adds to a file Tern made.
#  3. Bad files (wrong magic, version, size; short, long, empty, missing)
#     and bad cfs give the real program's message and exit status.
#  4. -p resets (both leave an empty file); -j is valid JSON with the -P
#     numbers.
# The time zone is pinned; "now" in -P output is masked.
. "$TERN_LIB"
t_reference

RS=$SMREF_BIN/mailstats
TS=$TERN_BIN/mailstats
TOOL=$TERN_OBJ/test/tools/statstool
W=$TMPDIR/ms
mkdir -p "$W" || exit 1
W=$(cd "$W" && pwd -P)
TZ=UTC
LC_ALL=C
export TZ LC_ALL
for p in "$TS" "$TOOL"; do
	[ -x "$p" ] || { t_fail mailstats "no $p"; exit 1; }
done

cat >"$W/m.cf" <<EOF
V10
O StatusFile=$W/stats
# prog, *file*, *include* come first
Msmtp, P=[IPC], F=mDFMuX, A=TCP \$h
Mesmtp,		P=[IPC], F=mDFMuXa, A=TCP \$h
Mlocal, P=/bin/true, F=lsDFMA, A=local \$u
Mprog, P=/bin/sh, F=lsDFMA, A=sh -c \$u
Mthis-name-is-longer-than-twenty-bytes, P=/bin/true, A=x
Mhash#comment, P=/bin/true, A=x
Msmtp, P=[IPC], F=mDFMuX, A=TCP \$h
EOF

# ms NAME - ARGS...: both mailstats, stdout+stderr+status compared
ms() {
	_n=$1 _f=$2
	shift 2
	"$RS" "$@" >"$W/r.o" 2>"$W/r.e"
	echo "rc=$?" >>"$W/r.o"
	"$TS" "$@" >"$W/t.o" 2>"$W/t.e"
	echo "rc=$?" >>"$W/t.o"
	for x in r t; do
		sed 's|^[^ ]*/mailstats: |mailstats: |' "$W/$x.e" >>"$W/$x.o"
		# -P prints "ITIME NOW": mask NOW; an empty file starts "now"
		sed -i -e '1s/^\([0-9]*\) [0-9]*$/\1 NOW/' \
		    -e "s/^Statistics from .*/Statistics from DATE/" "$W/$x.o"
	done
	t_same "$_n" "$W/r.o" "$W/t.o"
}

# table NAME ARGS...: every print mode of both programs
table() {
	_n=$1
	shift
	for o in "" -o -P "-P -o"; do
		# shellcheck disable=SC2086
		ms "$_n${o:+ $o}" - -C "$W/m.cf" "$@" $o
	done
	# the start time itself, unmasked
	"$RS" -C "$W/m.cf" "$@" | head -n 1 >"$W/r.o"
	"$TS" -C "$W/m.cf" "$@" | head -n 1 >"$W/t.o"
	t_same "$_n: the start time" "$W/r.o" "$W/t.o"
}

# ---- 1. files Tern writes ------------------------------------------------------
"$TOOL" init "$W/stats" 1700000000
table "tern, fresh file"
"$TOOL" mark "$W/stats" from 3 1 1
"$TOOL" mark "$W/stats" from 3 999 2
"$TOOL" mark "$W/stats" from 3 1001
"$TOOL" mark "$W/stats" to 5 123456789
"$TOOL" mark "$W/stats" to 0 0
"$TOOL" mark "$W/stats" reject 4 0 3
"$TOOL" mark "$W/stats" discard 4 0
"$TOOL" mark "$W/stats" quarantine 7 0 2
"$TOOL" mark "$W/stats" to 24 5000 4
"$TOOL" mark "$W/stats" from 8 77
"$TOOL" mark "$W/stats" connfrom 0 0 5
"$TOOL" mark "$W/stats" connto 0 0 6
table "tern, every kind of count"
t_check "tern: an unknown mailer number is refused" \
    sh -c '! "$1" mark "$2" to 25 1 2>/dev/null' sh "$TOOL" "$W/stats"
"$TOOL" mark "$W/stats" to 1 99999999999999
table "tern, a huge message"

# ---- 2. files the real sendmail writes -------------------------------------------
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1; then
	mkdir -p "$W/q"
	printf '#!/bin/sh\ncat >/dev/null\n' >"$W/deliver"
	chmod 755 "$W/deliver"
	cat >"$W/real.cf" <<EOF
V10
O StatusFile=$W/rstats
O QueueDirectory=$W/q
O DontBlameSendmail=MapInUnsafeDirPath,TrustStickyBit,RunProgramInUnsafeDirPath,RunWritableProgram
O AliasFile=$W/aliases
Djtern-test.example
Msmtp, P=[IPC], F=mDFMuX, A=TCP \$h
Mlocal, P=$W/deliver, F=lsDFMA, A=deliver \$u
S0
R\$+	\$#local \$: \$1
Scheck_mail
R\$* bad \$*	\$#error \$@ 5.7.1 \$: "550 bad sender"
EOF
	: >"$W/aliases"
	: >"$W/rstats"
	real_sm() {
		unshare -u sh -c 'hostname tern-test.example && shift &&
		    exec "$@"' sh x "$SMREF_BIN/sendmail" -C "$W/real.cf" "$@"
	}
	printf 'Subject: x\n\nhello\n' |
	    real_sm -odi -oi -f sender@example.com rcpt >/dev/null 2>&1
	for l in 'HELO x' 'MAIL FROM:<bad@x>' 'QUIT'; do
		sleep 0.3
		printf '%s\r\n' "$l"
	done | real_sm -bs -odi >/dev/null 2>&1
	if [ -s "$W/rstats" ]; then
		table "real sendmail's file" -f "$W/rstats"
		"$TOOL" mark "$W/rstats" to 3 2048
		"$TOOL" mark "$W/rstats" reject 3 0
		table "real sendmail's file, updated by tern" -f "$W/rstats"
		"$TOOL" init "$W/rstats" 1600000000
		printf 'Subject: y\n\nhello\n' |
		    real_sm -odi -oi -f sender@example.com rcpt >/dev/null 2>&1
		table "tern's file, updated by real sendmail" -f "$W/rstats"
		"$RS" -C "$W/real.cf" -P | sed -n '1s/ .*//p' >"$W/got"
		echo 1600000000 >"$W/want"
		t_same "real sendmail merges into tern's file (start kept)" \
		    "$W/want" "$W/got"
	else
		t_fail "real sendmail's file" "the real sendmail wrote nothing"
	fi
else
	t_skip "real sendmail's file" "needs root and unshare"
fi

# ---- 3. bad files and cfs ----------------------------------------------------
B=$W/bad
mkdir -p "$B"
"$TOOL" init "$B/good" 1700000000
cp "$B/good" "$B/magic"
printf '\001' | dd of="$B/magic" bs=1 seek=0 conv=notrunc 2>/dev/null
cp "$B/good" "$B/version"
printf '\003' | dd of="$B/version" bs=1 seek=4 conv=notrunc 2>/dev/null
cp "$B/good" "$B/sizefield"
printf '\000' | dd of="$B/sizefield" bs=1 seek=16 conv=notrunc 2>/dev/null
head -c 1000 "$B/good" >"$B/short"
head -c 6 "$B/good" >"$B/tiny"
head -c 2 "$B/good" >"$B/two"
{ cat "$B/good"; printf 'x'; } >"$B/long"
head -c 1448 /dev/urandom >"$B/junk"
: >"$B/empty"
mkdir -p "$B/dir"
for f in magic version sizefield short tiny two long junk empty nosuch dir; do
	ms "bad file: $f" - -C "$W/m.cf" -f "$B/$f"
	ms "bad file: $f, -P" - -C "$W/m.cf" -P -f "$B/$f"
done
: >"$W/nost.cf"
ms "a cf without StatusFile" - -C "$W/nost.cf"
ms "a missing cf" - -C "$W/nosuch.cf"
ms "-f and a missing cf" - -C "$W/nosuch.cf" -f "$B/good"
ms "usage: unknown option" - -C "$W/m.cf" -Z
ms "usage: an operand" - -C "$W/m.cf" extra
awk 'BEGIN { for (i = 0; i < 30; i++) printf "Mm%d, P=/bin/true\n", i }' \
    >"$W/many.cf"
ms "more than 25 mailers" - -C "$W/many.cf" -f "$B/good"
printf 'O StatusFile = %s\nOS%s\n' "$B/magic" "$B/good" >"$W/os.cf"
ms "the last StatusFile wins (old OS form)" - -C "$W/os.cf"
awk 'BEGIN { printf "O StatusFile="; for (i = 0; i < 5000; i++) printf "a";
	printf "\n" }' >"$W/longname.cf"
ms "a long StatusFile" - -C "$W/longname.cf"

# ---- 4. -p and -j ---------------------------------------------------------------
"$TOOL" init "$W/p1" 1700000000
"$TOOL" mark "$W/p1" to 3 5000 7
cp "$W/p1" "$W/p2"
"$RS" -C "$W/m.cf" -f "$W/p1" -p | sed '1s/ [0-9]*$//' >"$W/want"
"$TS" -C "$W/m.cf" -f "$W/p2" -p | sed '1s/ [0-9]*$//' >"$W/got"
t_same "-p prints as -P" "$W/want" "$W/got"
t_check "-p leaves an empty file, as the real one" \
    test "$(stat -c %s "$W/p1")" = "$(stat -c %s "$W/p2")" -a ! -s "$W/p2"
ms "after -p: a fresh start" - -C "$W/m.cf" -f "$W/p2"
"$TOOL" mark "$W/p2" from 3 1500
ms "after -p: counting again" - -C "$W/m.cf" -f "$W/p2"
"$TS" -C "$W/m.cf" -f "$W/stats" -j >"$W/j" 2>&1
"$TS" -C "$W/m.cf" -f "$W/stats" -P >"$W/p" 2>&1
if command -v python3 >/dev/null 2>&1; then
	t_check "-j: JSON with the numbers of -P" python3 - "$W/j" "$W/p" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
rows = {}
for line in open(sys.argv[2]).read().splitlines()[1:]:
    f = line.split()
    rows[f[0]] = f[1:]
for m in j["mailers"]:
    want = [int(x) for x in rows[str(m["mailer"])][:7]]
    got = [m[k] for k in ("msgs_from", "kbytes_from", "msgs_to", "kbytes_to",
                          "msgs_rejected", "msgs_discarded", "msgs_quarantined")]
    assert want == got, (m, want)
t = [int(x) for x in rows["T"][:7]]
assert t == list(j["total"].values()), (t, j["total"])
c = [int(x) for x in rows["C"]]
assert c == [j["connections"][k] for k in ("from", "to", "rejected")]
assert j["start"] == 1700000000
assert len(j["mailers"]) == len(rows) - 2
EOF
else
	t_skip "-j: JSON with the numbers of -P" "no python3"
fi
exit 0
