# SPDX-License-Identifier: BSD-3-Clause
#
# spare.sh -- the daemon's spare child (sendmail/daemon.c): one child is
# forked ahead and waits for the next connection, so no client waits for
# a fork.  Checked from outside, by the processes below the daemon:
#   idle     once the daemon is up, it has one child (the spare)
#   served   a connection is served (220 .. 221) and a message delivered
#   killed   with the spare killed (SIGKILL), the next connection is still
#            served, by a child forked for it, and a new spare appears
#   stop     after SIGTERM to the daemon, the spare is gone too
# Tern only: sendmail 8.17 forks per connection and keeps no spare.
. "$TERN_LIB"
. "$TERN_TOP/test/protocol/lib_host.sh"
h_enter "$@"
name=spare
if [ "$H_MTA" != tern ]; then
	t_skip "$name" "a Tern daemon feature (H_MTA=$H_MTA)"
	exit 0
fi
h_prefix
d=$H_DATA/spare
o=$TMPDIR/out
mkdir -p "$o"
if ! h_start; then
	t_fail "$name: daemon" "sendmail -bD did not greet on port $H_PORT"
	exit 0
fi

kids() { ps -o pid= --ppid "$H_PID" 2>/dev/null | tr -d ' '; }
# N SECS: wait until the daemon has N children
nkids() {
	_k=0
	while [ "$(kids | wc -l)" -ne "$1" ] && [ "$_k" -lt $(($2 * 10)) ]; do
		sleep 0.1
		_k=$((_k + 1))
	done
	[ "$(kids | wc -l)" -eq "$1" ]
}


t_check "$name idle: one child waits" nkids 1 15
spare=$(kids)
h_smtp "$d/mail.in" >"$o/mail.out" 2>&1
t_check "$name served: greeted, accepted, closed" sh -c \
    "grep -q '^S: 220 ' '$o/mail.out' && grep -q '^S: 250 .*accepted' '$o/mail.out' && grep -q '^S: 221 ' '$o/mail.out'"
t_check "$name served: delivered" h_wait_mbox rich 1 30
t_check "$name served: by the spare" sh -c \
    "! kill -0 $spare 2>/dev/null || ! kids | grep -qx '$spare'"
t_check "$name served: a new spare waits" nkids 1 15

spare=$(kids)
kill -KILL $spare 2>/dev/null
sleep 0.5
h_smtp "$d/quit.in" >"$o/quit.out" 2>&1
t_check "$name killed: the next connection is served" sh -c \
    "grep -q '^S: 220 ' '$o/quit.out' && grep -q '^S: 221 ' '$o/quit.out'"
t_check "$name killed: a new spare waits" nkids 1 15

spare=$(kids)
h_stop
n=0
while kill -0 "$spare" 2>/dev/null && [ "$n" -lt 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
t_check "$name stop: the spare is gone with the daemon" sh -c \
    "! kill -0 $spare 2>/dev/null"
