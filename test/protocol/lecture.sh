# SPDX-License-Identifier: BSD-3-Clause
#
# lecture.sh -- the SMTP listings 5.1-5.7 of the lecture
# (../shared/seeds/lecture5-smtp.ru.txt) and its table of reply codes,
# replayed against Tern's mail host; every reply must be sendmail 8.17's.
#
# Each dialogue data/lecture/NAME.in (the listing's client lines, with
# the scan's typos mended: "Sub]ect", "rich©localhost", "–bounds1") is
# replayed twice: over TCP to "sendmail -bD" as the lecture's telnet does
# (expected replies NAME.out) and through "sendmail -bs" (NAME.bs.out).
# Two cases each: the reply codes alone, then the whole replies (code,
# enhanced code, text).  The listings that deliver (5.2, 5.5, 5.6) are
# also checked in rich's mailbox (NAME.mbox): the envelope sender of the
# "From " line, the names of the header fields in order (so Bcc gone,
# Received/Date/Message-Id added, a client's Return-Path dropped) and the
# body, byte for byte.  When the namespace has its syslog receiver
# (lib_host.sh), the log lines of each TCP dialogue are compared too
# (NAME.log: from=, to=, stat=, relay=, "did not issue MAIL", VRFY/EXPN
# lines; masking described at logpart below).
#
# Every expected file was recorded from the real sendmail 8.17 (Debian's
# 8.17.1.9) in the same namespace with the same host.mc built by the real
# macros and its own mail.local:
#	H_MTA=real RECORD=1 sh test/protocol/lecture.sh
# (with TERN_TOP, TERN_LIB, TERN_SHARED, TMPDIR set as test/run sets
# them).  H_MTA=real alone dry-runs the test against the real sendmail.
# Masking (data/smtpdialog.py --mask): dates -> DATE, queue ids -> QID;
# in the mailbox only the From_ line's sender is kept of that line.
# Needs root and unshare (lib_host.sh), and the reference sendmail for its
# help file (HELP prints sendmail's own helpfile; it is never copied here).
. "$TERN_LIB"
. "$TERN_TOP/test/protocol/lib_host.sh"
h_enter "$@"
name=lecture
t_reference
h_prefix
d=$H_DATA/lecture
o=$TMPDIR/out
mkdir -p "$o"
daemon=1
if ! h_start; then
	t_fail "$name: daemon" "sendmail -bD did not greet on port $H_PORT"
	daemon=0
fi

# summary of rich's newest message: what is compared in the mailbox
summary() {
	k=$(h_count rich)
	h_mbox rich | awk '/^From / { s = $2 } END { print "envelope sender: " s }'
	printf 'fields:'
	h_msghdrs rich "$k" | awk '/^[^ \t]/ { sub(/:.*/, ""); printf " %s", $0 } END { print "" }'
	echo "body:"
	h_msgbody rich "$k"
}

# the syslog lines of one TCP dialogue, from line $1 of $H/maillog on:
# "Mon DD hh:mm:ss sendmail[PID]: " cut, queue ids -> QID, delay= and
# xdelay= -> D, pri= -> N (it counts the header bytes, and a date is one
# byte shorter on days 1-9), the date in a Message-Id -> DATE; the reference's
# "Warning: program .../mail.local unsafe" (its cache lies under /tmp) and
# the alias rebuild lines dropped; sorted, as the session and its delivery
# child log concurrently
logpart() {
	tail -n "+$1" "$H/maillog" |
	    sed -e 's/^[A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]\{8\} sendmail\[[0-9]*\]: //' \
		-e 's/[0-9A-Za-x]\{8\}[0-9]\{6,7\}/QID/g' \
		-e 's/\(x*delay\)=[0-9:+]*/\1=D/g' -e 's/pri=[0-9]*/pri=N/' \
		-e 's/msgid=<[0-9]\{12\}\./msgid=<DATE./' |
	    grep -v -e 'Warning: program .* unsafe' -e 'alias database' \
		-e 'aliases, longest' | sort
}

codes() {	# the reply codes of a transcript, one per reply
	grep '^S: ' "$1" | awk '{ c = substr($2, 1, 3); if (substr($2, 4, 1) != "-") print c }'
}

compare() {	# CASE EXPECTED ACTUAL
	if [ "${RECORD:-0}" = 1 ]; then
		cp "$3" "$2"
		return
	fi
	if [ ! -f "$2" ]; then
		t_fail "$1" "no fixture $2 (record it with the real sendmail)"
		return
	fi
	case "$2" in
	*.out)
		codes "$2" >"$3.codes.exp"
		codes "$3" >"$3.codes"
		t_same "$1: reply codes" "$3.codes.exp" "$3.codes"
		t_same "$1: reply texts" "$2" "$3"
		;;
	*)	t_same "$1" "$2" "$3" ;;
	esac
}

mwait=60
for n in 5.1 5.2 5.3 5.4 5.5 5.6 5.7 codes; do
	[ "$daemon" = 1 ] || break
	before=$(h_count rich)
	logl=$(($(wc -l <"$H/maillog") + 1))
	h_smtp "$d/$n.in" >"$o/$n.out" 2>"$o/$n.err"
	compare "$name $n (TCP)" "$d/$n.out" "$o/$n.out"
	case $n in
	5.2|5.5|5.6)
		if h_wait_mbox rich $((before + 1)) "$mwait"; then
			summary >"$o/$n.mbox"
		else
			echo "(no message delivered to rich)" >"$o/$n.mbox"
			mwait=10	# once is enough to wait long
		fi
		compare "$name $n: rich's mailbox" "$d/$n.mbox" "$o/$n.mbox"
		;;
	esac
	if [ -n "${H_SYSLOGD:-}" ]; then
		sleep 1
		logpart "$logl" >"$o/$n.log"
		compare "$name $n: the syslog lines as sendmail's" "$d/$n.log" "$o/$n.log"
	fi
done
h_stop

for n in 5.1 5.2 5.3 5.4 5.5 5.6 5.7 codes; do
	h_bs "$d/$n.in" >"$o/$n.bs.out" 2>"$o/$n.bs.err"
	compare "$name $n (-bs)" "$d/$n.bs.out" "$o/$n.bs.out"
done
if [ "${RECORD:-0}" = 1 ]; then
	t_ok "$name: recorded $(ls "$d"/*.out "$d"/*.mbox "$d"/*.log | wc -l) fixtures with $H_SM"
fi
