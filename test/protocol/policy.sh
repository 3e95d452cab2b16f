# SPDX-License-Identifier: BSD-3-Clause
#
# policy.sh -- what the mail host refuses, and when (issue 6, "Done when"):
#   unknown.in        an unknown local user is refused at RCPT with
#                     550 5.1.1 (and VRFY says so); a known one accepted
#   relay-outside.in  a client bound to 127.0.0.2 (outside.example.net,
#                     not this host) cannot relay: 550 5.7.1 for
#                     example.com, an address literal and the % hack;
#                     local mail still accepted
#   relay-inside.in   the same RCPT from 127.0.0.1 is accepted (the
#                     default cf relays for the host itself)
#   toolarge.in       with MaxMessageSize=10000: SIZE= over the limit is a
#                     552 at MAIL, SIZE= equal to it is accepted, a 20 KB
#                     message without SIZE= is a 552 after the final dot
#                     and nothing of it is delivered
#   dsn.in            a recipient accepted at RCPT whose delivery fails
#                     for good (the alias "fails" is a program exiting 67,
#                     EX_NOUSER): the sender (alice) gets a DSN in her
#                     mailbox: MAILER-DAEMON, multipart/report, the
#                     delivery-status fields (dsn.summary)
# Replies compare with data/policy/NAME.out, recorded from sendmail 8.17
# the way lecture.sh's are (H_MTA=real RECORD=1 sh test/protocol/policy.sh);
# one case for the codes, one for the whole texts.  Besides the fixtures,
# issue 6 asks (it is Tern's rule, sendmail 8.17 differs or says nothing):
# "SIZE=abc" at MAIL is a 501.
. "$TERN_LIB"
. "$TERN_TOP/test/protocol/lib_host.sh"
h_enter "$@"
name=policy
h_prefix
d=$H_DATA/policy
o=$TMPDIR/out
mkdir -p "$o"

codes() {
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

# dialogue NAME [--bind ADDR]
dialogue() {
	_n=$1
	shift
	h_smtp "$@" "$d/$_n.in" >"$o/$_n.out" 2>"$o/$_n.err"
	compare "$name $_n" "$d/$_n.out" "$o/$_n.out"
}

if ! h_start; then
	t_fail "$name: daemon" "sendmail -bD did not greet on port $H_PORT"
	exit 0
fi
dialogue unknown
dialogue relay-outside --bind 127.0.0.2
dialogue relay-inside --bind 127.0.0.1

# a failure after acceptance: a DSN to alice
dialogue dsn
if h_wait_mbox alice 1 60; then
	{
		h_mbox alice | awk '/^From / { print "envelope sender: " $2; exit }'
		printf 'fields:'
		h_msghdrs alice 1 | awk '/^[^ \t]/ { sub(/:.*/, ""); printf " %s", $0 } END { print "" }'
		h_msghdrs alice 1 | grep -i -e '^Subject:' -e '^Auto-Submitted:' -e '^To:'
		h_msghdrs alice 1 | grep -i -A1 '^Content-Type:' |
		    sed 's/boundary=.*/boundary=.../'
		echo "body:"
		# the transcript's headline and the delivery-status fields
		h_msgbody alice 1 | grep -e '^ *----- ' -e '^Content-Type:' \
		    -e '^Reporting-MTA:' -e '^Final-Recipient:' -e '^Original-Recipient:' \
		    -e '^Action:' -e '^Status:' -e '^Diagnostic-Code:' -e '^Remote-MTA:' \
		    -e '^Subject: this one fails'
	} >"$o/dsn.summary"
else
	echo "(no message delivered to alice)" >"$o/dsn.summary"
fi
compare "$name dsn: the DSN in the sender's mailbox" "$d/dsn.summary" "$o/dsn.summary"
if [ "${RECORD:-0}" != 1 ]; then
	t_check "$name dsn: nothing is left in the queue" test "$(h_qfcount)" -eq 0
fi
h_stop

# too large: a daemon with MaxMessageSize=10000
if ! h_start -O MaxMessageSize=10000; then
	t_fail "$name: daemon with MaxMessageSize" "no greeting"
	exit 0
fi
h_smtp "$d/toolarge.in" >"$o/toolarge.out" 2>"$o/toolarge.err"
compare "$name toolarge" "$d/toolarge.out" "$o/toolarge.out"
if [ "${RECORD:-0}" != 1 ]; then
	sleep 2
	t_check "$name toolarge: nothing delivered to bob" test "$(h_count bob)" -eq 0
	t_check "$name toolarge: nothing queued" test "$(h_qfcount)" -eq 0
	printf 'EHLO client.example.net\nMAIL FROM:<alice@mta.example.org> SIZE=abc\nQUIT\n' >"$o/sizeabc.in"
	h_smtp "$o/sizeabc.in" >"$o/sizeabc.out" 2>&1
	t_check "$name: MAIL ... SIZE=abc is a 501 (issue 6)" \
	    grep -q '^S: 501 ' "$o/sizeabc.out"
fi
h_stop
if [ "${RECORD:-0}" = 1 ]; then
	t_ok "$name: recorded the fixtures with $H_SM"
fi
