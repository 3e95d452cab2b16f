# SPDX-License-Identifier: BSD-3-Clause
#
# crash.sh -- a message is never lost once "250 ... accepted" is said, and
# never delivered when it was not (issue 6, "Done when"; doc/QUEUE.md).
#   dropped  the client drops the connection in the middle of DATA: after
#            a queue run nothing reaches hank and no qf or df is left
#   killed   the daemon and all its children are killed (SIGKILL) while a
#            session is in DATA: after the restart nothing reaches hank
#   held     gina's mailbox is dot-locked (gina.lock, the lock every mbox
#            writer honours) so the delivery cannot be done yet; right
#            after the 250 the daemon and all its children get SIGKILL;
#            the lock goes; after a restart with -q1s the message is in
#            gina's mailbox exactly once and the queue is empty
#   race     the same without the lock: whatever the delivery had done
#            when the SIGKILL came, after the restart the message is in
#            erin's mailbox, whole (at least once: a kill between the
#            mailbox write and the qf's removal may deliver it twice, as
#            with sendmail)
# Dry-run against sendmail 8.17: H_MTA=real sh test/protocol/crash.sh
. "$TERN_LIB"
. "$TERN_TOP/test/protocol/lib_host.sh"
h_enter "$@"
name=crash
h_prefix
d=$H_DATA/crash
o=$TMPDIR/out
mkdir -p "$o"
if ! h_start; then
	t_fail "$name: daemon" "sendmail -bD did not greet on port $H_PORT"
	exit 0
fi

# dropped: the client goes away in DATA
h_smtp "$d/dropped.in" >"$o/dropped.out" 2>&1
sleep 2
h_run_queue
t_check "$name dropped: nothing delivered" test "$(h_count hank)" -eq 0
t_check "$name dropped: no qf left" test "$(h_qfcount)" -eq 0
t_check "$name dropped: no df left" \
    test "$(find "$H/mqueue" -name 'df*' | wc -l)" -eq 0

# killed: SIGKILL to the daemon and its children in DATA
h_smtp "$d/killed.in" >"$o/killed.out" 2>&1 &
cpid=$!
sleep 1.5
h_kill9
wait "$cpid"
t_check "$name killed: the session was in DATA when killed" \
    grep -q '^S: 354' "$o/killed.out"

# held: accepted, delivery held by the lock, SIGKILL at once
if ! h_start; then
	t_fail "$name: restart after the kill in DATA" "no greeting"
	exit 0
fi
: >"$H/mail/gina.lock"
h_smtp "$d/held.in" >"$o/held.out" 2>&1
h_kill9
t_check "$name held: the message was accepted" \
    grep -q '^S: 250 .*accepted' "$o/held.out"
rm -f "$H/mail/gina.lock"
t_check "$name held: not delivered before the kill" test "$(h_count gina)" -eq 0

# race: accepted, SIGKILL at once, no lock
if ! h_start; then
	t_fail "$name: restart" "no greeting"
	exit 0
fi
h_smtp "$d/race.in" >"$o/race.out" 2>&1
h_kill9
t_check "$name race: the message was accepted" \
    grep -q '^S: 250 .*accepted' "$o/race.out"

# restart with a queue run every second
if ! h_start -q1s; then
	t_fail "$name: restart with -q1s" "no greeting"
	exit 0
fi
h_wait_mbox gina 1 60
h_wait_mbox erin 1 60
n=0
while [ "$(h_qfcount)" -gt 0 ] && [ "$n" -lt 300 ]; do
	sleep 0.2
	n=$((n + 1))
done
sleep 1
t_check "$name held: delivered after the restart, exactly once" \
    test "$(h_count gina)" -eq 1
t_check "$name held: the message is whole" sh -c \
    "grep -q '^Subject: crash: delivery held' '$H/mail/gina' && grep -qx 'token held' '$H/mail/gina'"
t_check "$name race: delivered after the restart" test "$(h_count erin)" -ge 1
t_check "$name race: every copy whole" test \
    "$(grep -c '^Subject: crash: killed right after' "$H/mail/erin" 2>/dev/null)" -eq "$(h_count erin)" -a \
    "$(grep -cx 'token race' "$H/mail/erin" 2>/dev/null)" -eq "$(h_count erin)"
if [ "$(h_count erin)" -gt 1 ]; then
	echo "# race: erin got $(h_count erin) copies (the kill fell between the write and the qf's removal)"
fi
t_check "$name killed: nothing delivered after the restart" test "$(h_count hank)" -eq 0
t_check "$name: the queue is empty at the end" test "$(h_qfcount)" -eq 0
h_stop
