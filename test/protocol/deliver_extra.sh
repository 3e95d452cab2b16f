# SPDX-License-Identifier: BSD-3-Clause
#
# deliver_extra.sh -- three delivery details of issue 6, each against
# fixtures recorded from sendmail 8.17 (H_MTA=real RECORD=1 sh
# test/protocol/deliver_extra.sh writes data/deliver_extra/):
#
#   transcripts  the text part of the DSN alice gets when, after the
#                message was accepted, an alias names an unknown user
#                (ghost, over SMTP), a program exits 1 after writing to
#                stdout and stderr (prog1), a /file cannot be created
#                (badfile), an alias chain is deeper than
#                MaxAliasRecursion (deep1); from "The following
#                addresses" to the end of the part, plus the recipient
#                fields of the delivery-status part.  A .forward loop
#                (rich -> haley -> rich) delivers to both, no DSN.
#   xf           a program that writes more than XscriptFileBufferSize
#                (4096) bytes and then takes its time: while it runs the
#                queue holds df qf xf; a small transcript stays in
#                memory (df qf); after the attempt the xf is gone.
#   env          the environment of a |program: without E lines only
#                AGENT=sendmail (and the PWD the shell sets); with
#                "ETZ EFOO=bar ELANG EBAR=baz=q EHOME=/x" those too (TZ
#                and LANG from the environment the MTA was started with).
#   safefile     O SafeFileEnvironment=DIR: a file under DIR, "/sub/x"
#                (inside the chroot), a path outside DIR, a symlink, a
#                FIFO and a directory; and SafeFileEnvironment=/ (no
#                chroot, regular files only): a file, a symlink, a
#                directory.  Each: where the bytes went, or the DSN's
#                transcript line, Status and Diagnostic-Code.
. "$TERN_LIB"
. "$TERN_TOP/test/protocol/lib_host.sh"
h_enter "$@"
name=deliver_extra
h_prefix
d=$H_DATA/deliver_extra
o=$TMPDIR/out
# programs and files run as DefaultUser or rich, who cannot pass the
# test's private TMPDIR: their directories are on a tmpfs at /srv
mount -t tmpfs -o mode=755 tmpfs /srv || { t_fail "$name" "tmpfs on /srv"; exit 0; }
P=/srv
mkdir -p "$o" "$P/pub" "$P/safe/sub" "$P/safe/dir" "$P/ro" "$P/home/rich" \
    "$P/home/haley"
chmod 1777 "$P/pub" "$P/safe" "$P/safe/sub"
chmod 755 "$P/ro" "$P/home"
: >"$P/safe/target"
chmod 666 "$P/safe/target"
ln -s "$P/safe/target" "$P/safe/link"
mkfifo -m 666 "$P/safe/fifo"

# rich and haley get homes, their .forward files point at each other
sed -e "s|^rich:\(.*\):/nonexistent:|rich:\1:$P/home/rich:|" \
    -e "s|^haley:\(.*\):/nonexistent:|haley:\1:$P/home/haley:|" \
    "$H_DATA/env/passwd" >"$H/passwd.homes"
mount --bind "$H/passwd.homes" /etc/passwd || { t_fail "$name" "passwd"; exit 0; }
echo haley >"$P/home/rich/.forward"
echo rich >"$P/home/haley/.forward"
chown 1001:1001 "$P/home/rich" "$P/home/rich/.forward"
chown 1002:1002 "$P/home/haley" "$P/home/haley/.forward"

{
	echo 'ghost: nosuchuser8'
	echo 'prog1: "|echo to stdout; echo to stderr >&2; exit 1"'
	echo "badfile: $P/ro/file"
	echo 'slow: "|sleep 3; exit 75"'
	echo 'big: "|seq 1 1500; sleep 3; exit 75"'
	echo "envp: \"|env > $P/pub/envp.out\""
	i=1
	while [ $i -lt 12 ]; do
		echo "deep$i: deep$((i + 1))"
		i=$((i + 1))
	done
	echo 'deep12: rich'
	echo "sfin: $P/safe/in.txt"
	echo "sfrel: /sub/rel.txt"
	echo "sfout: $P/pub/out.txt"
	echo "sflink: $P/safe/link"
	echo "sffifo: $P/safe/fifo"
	echo "sfdir: $P/safe/dir"
} >>"$H/etc/aliases"
"$H_SM" -C "$H_CF" -bi >/dev/null 2>&1
cp "$H_CF" "$H/cf.e"
printf 'ETZ\nEFOO=bar\nELANG\nEBAR=baz=q\nEHOME=/x\n' >>"$H/cf.e"
cp "$H_CF" "$H/cf.s"
printf 'O SafeFileEnvironment=%s/safe\n' "$P" >>"$H/cf.s"
cp "$H_CF" "$H/cf.r"
printf 'O SafeFileEnvironment=/\n' >>"$H/cf.r"

# Known differences (not this test's files to fix; the diff is printed):
#   xf     Tern adds a program's output to the transcript when the
#          program has ended, sendmail as it comes: the xf of a long one
#          appears later (after the program, not during it)
known="xf"
compare() {	# CASE FIXTURE ACTUAL
	if [ "${RECORD:-0}" = 1 ]; then
		cp "$3" "$d/$2"
		return
	fi
	if [ ! -f "$d/$2" ]; then
		t_fail "$1" "no fixture $d/$2 (record it with the real sendmail)"
		return
	fi
	case " $known " in
	*" $2 "*)
		if ! cmp -s "$d/$2" "$3"; then
			t_skip "$1" "known difference, see the top of the file"
			diff -u "$d/$2" "$3" 2>&1 | head -n 20 | sed 's/^/#   /'
			return
		fi
		;;
	esac
	t_same "$1" "$d/$2" "$3"
}

# send ALIAS [CF]: queue a message from alice, run the queue once (-v:
# sendmail 8.17 waits for the delivery only then)
send() {
	printf 'Subject: t %s\n\nbody\n' "$1" |
	    "$H_SM" -C "$H_CF" -odq -f alice@mta.example.org \
	    "$1@mta.example.org" >>"$H/submit.log" 2>&1
	"$H_SM" -C "${2:-$H_CF}" -q -v >>"$H/queuerun.log" 2>&1
}

# dsn K: the parts of alice's K-th message that are compared
dsn() {
	_h_msg alice "$1" | python3 -c '
import re, sys
h = sys.argv[1]
t = sys.stdin.read().replace(h, "@P@")
m = re.search(r"boundary=\"([^\"]+)\"", t)
if not m:
    print("(no DSN)")
    sys.exit(0)
parts = t.split("--" + m.group(1))
text = parts[1] if len(parts) > 1 else ""
i = text.find("   ----- The following")
print(text[i:].rstrip("\n") if i >= 0 else "(no address list)")
st = parts[2] if len(parts) > 2 else ""
for l in st.split("\n"):
    if re.match(r"(Final-Recipient|X-Actual-Recipient|Action|Status|Diagnostic-Code):", l):
        print(l)
' "$P"
}

# ---- transcripts ---------------------------------------------------------
k=0
cat >"$H/ghost.in" <<'S'
EHLO client.example.net
MAIL FROM:<alice@mta.example.org>
RCPT TO:<ghost@mta.example.org>
DATA
Subject: t ghost

body
.
QUIT
S
timeout -k 5 120 python3 "$H_DATA/smtpdialog.py" --mask --bs "$H/ghost.in" -- \
    "$H_SM" -C "$H_CF" -odq -bs >/dev/null
"$H_SM" -C "$H_CF" -q -v >>"$H/queuerun.log" 2>&1
k=$((k + 1))
dsn $k >"$o/ghost"
compare "$name: transcript of an unknown user after acceptance" ghost "$o/ghost"
for a in prog1 badfile deep1; do
	send $a
	k=$((k + 1))
	dsn $k >"$o/$a"
	compare "$name: transcript: $a" $a "$o/$a"
done
send rich
{
	echo "rich $(h_count rich) haley $(h_count haley) alice $(h_count alice)"
} >"$o/loop"
compare "$name: a .forward loop delivers to both, no DSN" loop "$o/loop"

# ---- xf --------------------------------------------------------------------
lsq() { ls "$H/mqueue" | sed 's/^\(..\).*/\1/' | sort | tr '\n' ' '; echo; }
for a in slow big; do
	printf 'Subject: t %s\n\nbody\n' $a |
	    "$H_SM" -C "$H_CF" -odq -f alice@mta.example.org "$a@mta.example.org"
	"$H_SM" -C "$H_CF" -q >>"$H/queuerun.log" 2>&1 &
	p=$!
	sleep 1.5
	echo "$a during: $(lsq)"
	wait $p
	sleep 2.5
	echo "$a after: $(lsq)"
	grep -a '^M' "$H"/mqueue/qf* 2>/dev/null
	rm -f "$H"/mqueue/*
done >"$o/xf"
compare "$name: the transcript file of an attempt" xf "$o/xf"

# ---- env -------------------------------------------------------------------
for cf in "$H_CF" "$H/cf.e"; do
	printf 'Subject: env\n\nbody\n' |
	    "$H_SM" -C "$H_CF" -odq -f alice@mta.example.org envp@mta.example.org
	env -i PATH=/usr/bin:/bin HOME=/root TZ=Europe/Paris FOO=x \
	    LANG=C.UTF-8 LC_ALL=C SHELL=/bin/bash USER=root LOGNAME=root \
	    TERM=xterm "$H_SM" -C "$cf" -q -v >/dev/null 2>&1
	n=0
	while [ ! -s "$P/pub/envp.out" ] && [ $n -lt 50 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	echo "--- $(basename "$cf")"
	sort "$P/pub/envp.out" 2>/dev/null
	rm -f "$P/pub/envp.out"
done >"$o/env"
compare "$name: the environment of a program (E lines)" env "$o/env"

# ---- SafeFileEnvironment ---------------------------------------------------
for c in s:sfin s:sfrel s:sfout s:sflink s:sffifo s:sfdir r:sfin r:sflink \
    r:sfdir; do
	cf=${c%%:*} a=${c#*:}
	before=$(h_count alice)
	send "$a" "$H/cf.$cf"
	echo "--- SafeFileEnvironment=$( [ "$cf" = s ] && echo @P@/safe || echo /) $a"
	if [ "$(h_count alice)" -gt "$before" ]; then
		k=$(h_count alice)
		dsn "$k" | grep -a '^[0-9][0-9][0-9] \|^Status:\|^Diagnostic-Code:'
	else
		echo "no DSN"
	fi
done >"$o/safe"
find "$P/safe" -type f -size +0 | sed "s|^$P|@P@|" | sort >>"$o/safe"
compare "$name: SafeFileEnvironment" safe "$o/safe"
