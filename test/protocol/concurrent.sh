# SPDX-License-Identifier: BSD-3-Clause
#
# concurrent.sh -- 200 SMTP clients at once, one message each, every
# message delivered exactly once (issue 6, "Done when").  data/
# concurrent.py opens the 200 connections, waits until every one has its
# 220 (so 200 sessions are open together: the listen backlog and the
# process model must take the burst), then each sends "Subject:
# concurrent K" / "token K of 200" to gina.  Checks: every client was
# greeted and got its 250; gina's mailbox ends up with 200 messages, each
# token exactly once, and every message whole (its token line present
# with its own Subject); the queue is empty afterwards.  Everything goes
# into one mailbox on purpose: 200 deliveries contend for its locks.
# Dry-run against sendmail 8.17: H_MTA=real sh test/protocol/concurrent.sh
. "$TERN_LIB"
. "$TERN_TOP/test/protocol/lib_host.sh"
h_enter "$@"
name=concurrent
N=200
h_prefix
o=$TMPDIR/out
mkdir -p "$o"
if ! h_start; then
	t_fail "$name: daemon" "sendmail -bD did not greet on port $H_PORT"
	exit 0
fi
python3 "$H_DATA/concurrent.py" "$H_PORT" "$N" gina@mta.example.org \
    >"$o/clients.out" 2>&1
rc=$?
sed 's/^/# /' "$o/clients.out" | tail -n 21
t_check "$name: $N clients greeted and accepted at once" test "$rc" -eq 0
# wait for as many as were accepted (none: no wait), then count
acc=$(sed -n 's/.*accepted \([0-9]*\)\/.*/\1/p' "$o/clients.out")
if ! h_wait_mbox gina "${acc:-$N}" 300; then
	t_fail "$name: deliveries" "gina has $(h_count gina) of $N messages after 300 s"
fi
sleep 1
t_check "$name: gina has exactly $N messages" test "$(h_count gina)" -eq "$N"
h_mbox gina | sed -n 's/^token \([0-9]*\) of [0-9]*$/\1/p' | sort -n >"$o/tokens"
seq 1 "$N" >"$o/want"
t_same "$name: every message delivered exactly once" "$o/want" "$o/tokens"
# each message whole: its Subject number is the number of its token
h_mbox gina | awk '/^Subject: concurrent / { s = $3 } /^token / { if ($2 != s) bad++ } END { exit bad > 0 }'
t_check "$name: every message whole (Subject and token agree)" test $? -eq 0
n=0
while [ "$(h_qfcount)" -gt 0 ] && [ "$n" -lt 100 ]; do
	sleep 0.2
	n=$((n + 1))
done
t_check "$name: the queue is empty afterwards" test "$(h_qfcount)" -eq 0
h_stop
