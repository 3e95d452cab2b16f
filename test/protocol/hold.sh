# SPDX-License-Identifier: BSD-3-Clause
#
# hold.sh -- background delivery (DeliveryMode=b) without a fork per
# message: after the 250 the session's process keeps the message until
# the client's next move, and delivers it itself once the client has
# gone (srvrsmtp_data.c, smtp_hold).  Whatever the client does, every
# accepted message is delivered once and the queue ends empty:
#   quit   one message, then QUIT
#   eof    one message, then the connection drops (no QUIT)
#   idle   one message, then the client stays silent with the connection
#          open: delivered while it is still open (the hold ends after a
#          second of silence and a background child delivers)
#   two    two messages in one session, NOOP and RSET between them: the
#          second transaction hands the first message to a background
#          child, the QUIT the second to the session's process
# Dry-run against sendmail 8.17 (same outcome there, with a fork per
# message): H_MTA=real sh test/protocol/hold.sh
. "$TERN_LIB"
. "$TERN_TOP/test/protocol/lib_host.sh"
h_enter "$@"
name=hold
h_prefix
d=$H_DATA/hold
o=$TMPDIR/out
mkdir -p "$o"
if ! h_start; then
	t_fail "$name: daemon" "sendmail -bD did not greet on port $H_PORT"
	exit 0
fi

accepted() {	# FILE N: N "accepted" replies in the transcript
	test "$(grep -c '^S: 250 .*accepted' "$1")" -eq "$2"
}


h_smtp "$d/quit.in" >"$o/quit.out" 2>&1
t_check "$name quit: accepted" accepted "$o/quit.out" 1
t_check "$name quit: 221 after the 250" grep -q '^S: 221 ' "$o/quit.out"
t_check "$name quit: delivered" h_wait_mbox rich 1 30

h_smtp "$d/eof.in" >"$o/eof.out" 2>&1
t_check "$name eof: accepted" accepted "$o/eof.out" 1
t_check "$name eof: delivered" h_wait_mbox haley 1 30

h_smtp "$d/idle.in" >"$o/idle.out" 2>&1 &
cpid=$!
t_check "$name idle: delivered while the client is still connected" \
    h_wait_mbox katie 1 15
t_check "$name idle: the client was still connected" kill -0 "$cpid"
wait "$cpid"
t_check "$name idle: accepted, then 221" sh -c \
    "grep -q '^S: 250 .*accepted' '$o/idle.out' && grep -q '^S: 221 ' '$o/idle.out'"

h_smtp "$d/two.in" >"$o/two.out" 2>&1
t_check "$name two: both accepted" accepted "$o/two.out" 2
t_check "$name two: riley has both" h_wait_mbox riley 2 30
t_check "$name two: bob has the second" h_wait_mbox bob 1 30
t_check "$name two: in riley's mailbox once each" sh -c \
    "test \$(grep -cx 'token first' '$H/mail/riley') -eq 1 && test \$(grep -cx 'token second' '$H/mail/riley') -eq 1"

n=0
while [ "$(h_qfcount)" -gt 0 ] && [ "$n" -lt 150 ]; do
	sleep 0.2
	n=$((n + 1))
done
t_check "$name: the queue is empty at the end" test "$(h_qfcount)" -eq 0
for u in rich haley katie; do
	t_check "$name: $u got exactly one message" test "$(h_count $u)" -eq 1
done
h_stop
