# SPDX-License-Identifier: BSD-3-Clause
#
# queue_ops.sh -- operations on the queue and its neighbours, as sendmail
# 8.17 does them: quarantine (-Q[reason] with -qI/-qR/-qS/-qQ: qf <-> hf,
# the q line, the -v texts, the log lines, mailq -qQ and its QUARANTINE
# line, queue runs leaving hf alone), hoststat/purgestat (-bh/-bH) over a
# HostStatusDirectory, and the SMTP server's limit on VRFY/EXPN (the
# possible-attack log line; the delay itself is not timed).
# Every expected text was recorded from the real sendmail 8.17.1.9 in the
# same kind of namespace (lib_host.sh); H_MTA=real runs this file against
# it, which is how the expectations were checked.
. "$TERN_LIB"
. "$TERN_TOP/test/protocol/lib_host.sh"
h_enter "$@"
h_prefix
q=$H/mqueue
w=$TMPDIR/ops
mkdir -p "$w"

sm() { "$H_SM" -C "$H_CF" "$@"; }
# the id of the queue file LETTER for the message sent by SENDER
idof() {
	for f in "$q"/"$1"f*; do
		[ -f "$f" ] && grep -q "^S$2\$" "$f" && basename "$f" | cut -c3-
	done
}
# what a command printed and its status, ids and dates masked
run() {
	"$@" >"$w/out" 2>&1
	rc=$?
	sed -e "s|$q|QDIR|g" -e "s/$A/IDA/g" -e "s/$B/IDB/g" \
	    -e 's/[A-Z][a-z][a-z] [A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]\{5\}/DATE/' \
	    -e 's/ [A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]\{5\} / DATE /' "$w/out"
	echo "[exit $rc]"
}
expect() {	# NAME, then the expected lines on stdin, the command after
	n=$1
	shift
	cat >"$w/exp"
	run "$@" >"$w/got"
	t_same "queue_ops: $n" "$w/exp" "$w/got"
}
files() { (cd "$q" && ls | sed 's/^\(..\).*/\1/' | sort | tr '\n' ' '); }

# ---- quarantine ------------------------------------------------------------
printf 'Subject: a\n\nhello\n' | sm -odq -f alice root
printf 'Subject: b\n\nhello2\n' | sm -odq -f bob root
A=$(idof q alice) B=$(idof q bob)
if [ -z "$A" ] || [ -z "$B" ]; then
	t_fail "queue_ops: quarantine" "two messages were not queued"
	exit 0
fi
cp "$q/qf$A" "$w/qfA.orig"

expect "-qS -Q quarantines the selected message (-v)" <<'EOF' \
    sm -v -qSalice -Q"bad stuff"
Processing QDIR:
IDA: Quarantined with "bad stuff"
1 change
[exit 0]
EOF
printf 'df df hf qf ' >"$w/exp"
files >"$w/got"
t_same "queue_ops: the qf became an hf" "$w/exp" "$w/got"
# the only change is the q line, inserted just before S
diff "$w/qfA.orig" "$q/hf$A" | grep '^[<>]' >"$w/got"
echo '> qbad stuff' >"$w/exp"
t_same "queue_ops: the hf is the qf plus the q line" "$w/exp" "$w/got"
t_check "queue_ops: the q line sits just before S" sh -c \
    "grep -A1 '^qbad stuff\$' '$q/hf$A' | tail -n 1 | grep -q '^Salice\$'"

expect "mailq leaves quarantined messages out" <<'EOF' sm -bp
		QDIR (1 request)
-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------
IDB        7 DATE bob
					 root
		Total requests: 1
[exit 0]
EOF
expect "mailq -qQ: the QUARANTINE line" <<'EOF' sm -bp -qQ
		QDIR (1 request)
-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------
IDA        6 DATE alice
     QUARANTINE: bad stuff
					 root
		Total requests: 1
[exit 0]
EOF
expect "mailq -qQ -v" <<'EOF' sm -bp -qQ -v
		QDIR (1 request)
-----Q-ID----- --Size-- -Priority- ---Q-Time--- --------Sender/Recipient--------
IDA        6      30018 DATE alice
     QUARANTINE: bad stuff
						root
		Total requests: 1
[exit 0]
EOF
expect "mailq -qQbad selects by reason" <<'EOF' sm -bp -qQbad
		QDIR (1 request)
-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------
IDA        6 DATE alice
     QUARANTINE: bad stuff
					 root
		Total requests: 1
[exit 0]
EOF
expect "mailq -qQxx: no such reason" <<'EOF' sm -bp -qQxx
QDIR is empty
		Total requests: 0
[exit 0]
EOF
expect "mailq -q!Qbad -qQ" <<'EOF' sm -bp '-q!Qbad' -qQ
QDIR is empty
		Total requests: 0
[exit 0]
EOF
expect "-qQ -Q with the same reason" <<'EOF' sm -v -qQ -Q"bad stuff"
Processing QDIR:
IDA: Already quarantined with "bad stuff"
No changes
[exit 0]
EOF
expect "-qQ -Q with another reason" <<'EOF' sm -v -qQ -Qother
Processing QDIR:
IDA: Quarantine changed from "bad stuff" to "other"
1 change
[exit 0]
EOF
expect "-qQ -qS -Q selecting nothing" <<'EOF' sm -v -qQ -qSnobody -Q
QDIR: no matches
No changes
[exit 0]
EOF
expect "-qI -Q on a message not quarantined" <<'EOF' sm -v -qI"$B" -Q
Processing QDIR:
No changes
[exit 0]
EOF

# a queue run delivers the qf and leaves the hf alone
h_run_queue -qf
printf 'df hf ' >"$w/exp"
files >"$w/got"
t_same "queue_ops: a queue run skips the quarantined message" "$w/exp" \
    "$w/got"
t_check "queue_ops: ... and delivered the other" \
    test "$(h_count root)" = 1

if command -v flock >/dev/null 2>&1; then
	flock "$q/hf$A" sleep 3 &
	fp=$!
	sleep 0.5
	expect "-Q skips a locked message" <<'EOF' sm -v -qQ -Q
Processing QDIR:
IDA: locked
Skipping ./IDA
No changes
[exit 0]
EOF
	wait "$fp"
fi
expect "-qQ -Q releases it" <<'EOF' sm -v -qQ -Q
Processing QDIR:
IDA: Removed quarantine of "other"
1 change
[exit 0]
EOF
printf 'df qf ' >"$w/exp"
files >"$w/got"
t_same "queue_ops: the hf is a qf again" "$w/exp" "$w/got"
t_check "queue_ops: ... without a q line" sh -c "! grep -q '^q' '$q/qf$A'"
expect "-qQ -Q with nothing quarantined" <<'EOF' sm -v -qQ -Q
QDIR: no matches
No changes
[exit 0]
EOF
expect "-Q alone quarantines the whole queue, silently" <<'EOF' sm -Qall
[exit 0]
EOF
expect "-Q with an interval: one pass, then the end" <<'EOF' \
    sm -v -qQ -Qagain -q5m
Processing QDIR:
IDA: Quarantine changed from "all" to "again"
1 change
[exit 0]
EOF
if [ -s "$H/maillog" ]; then
	sed -n "s/.*\]: $A: \(.*quarantine.*\)/\1/p" "$H/maillog" >"$w/got"
	printf '%s\n' 'quarantine=bad stuff' 'quarantine=other' \
	    'unquarantine' 'quarantine=all' 'quarantine=again' >"$w/exp"
	t_same "queue_ops: the quarantine log lines" "$w/exp" "$w/got"
fi

# ---- hoststat, purgestat -----------------------------------------------------
hs=$H/hoststat
mkdir -m 700 "$hs"
now=$(date +%s)
mk() {
	mkdir -p "$hs/$(dirname "$1")"
	printf "$2" >"$hs/$1"
}
mk "org./example./mail" "V0\nE0\nH0\nS0\nU$((now - 30))\n.\n"
mk "org./example./mx1" "V0\nE0\nH0\nS75\nD4.0.0\nR421 4.3.2 Service not available, closing transmission channel\nU$((now - 3700))\n.\n"
mk "net./other" "V0\nE0\nH0\nS69\nD5.0.0\nU$((now - 90000))\n.\n"
mk "net./weird" "V0\nE0\nH0\nS99\nU$((now - 5))\n.\n"
mk "com./a" "V0\nE110\nH0\nS75\nU$((now - 200000))\n.\n"
mk "com./b" "V0\nE0\nH1\nS68\nD5.1.2\nR550 5.1.2 Host unknown (Name server: b.com: host not found)\nU$((now - 10))\n.\n"
mk "com./c" "V0\nE111\nH0\nS0\nU$((now - 10))\n.\n"
mk "1./0./0./127" "V0\nE0\nH0\nS75\nU$now\n.\n"
mk "x./s64" "V0\nS64\nU$now\n.\n"
mk "x./s76" "V0\nS76\nU$now\n.\n"
mk "x./ok" "V0\nE2\nH0\nS0\nU$now\n.\n"
mk "x./noend" "V0\nS0\nU$now\n"
mk "[1.2.3.4]" "V0\nS0\nU$now\n.\n"
# the heading first, then the hosts in directory order (sorted here);
# the age column is masked (the clock moves while it runs) but for the
# day form
hsrun() {
	sm -OHostStatusDirectory="$hs" "$@" >"$w/hs" 2>&1
	echo "[exit $?]" >>"$w/hs"
	head -n 1 "$w/hs"
	tail -n +2 "$w/hs" | grep -v '^\[exit' |
	    sed 's/^\(.\{41\}\)[ 0-9:+]\{12\}/\1       (AGE)/' | sort
	tail -n 1 "$w/hs"
}
cat >"$w/exp" <<'EOF'
 -------------- Hostname --------------- How long ago ---------Results---------
 127.0.0.1                                      (AGE) 4.0.0 Deferred
 [1.2.3.4]                                      (AGE) OK
 a.com                                          (AGE) Deferred: Connection time
 b.com                                          (AGE) 550 5.1.2 Host unknown (N
 c.com                                          (AGE) OK: Connection refused
 mail.example.org                               (AGE) OK
 mx1.example.org                                (AGE) 421 4.3.2 Service not ava
 noend.x                                        (AGE) OK
 ok.x                                           (AGE) OK: No such file or direc
 other.net                                      (AGE) 5.0.0 Service unavailable
 s64.x                                          (AGE) 5.0.0 Command line usage 
 s76.x                                          (AGE) 5.5.0 Remote protocol err
 weird.net                                      (AGE) Unknown mailer error 99
[exit 0]
EOF
hsrun -bh >"$w/got"
t_same "queue_ops: hoststat (-bh)" "$w/exp" "$w/got"
cat >"$w/exp" <<'EOF'
 -------------- Hostname --------------- How long ago ---------Results---------
 127.0.0.1                                      (AGE) 4.0.0 Deferred
 [1.2.3.4]                                      (AGE) OK
 a.com                                          (AGE) Deferred: Connection timed out
 b.com                                          (AGE) 550 5.1.2 Host unknown (Name server: b.com: host not found)
 c.com                                          (AGE) OK: Connection refused
 mail.example.org                               (AGE) OK
 mx1.example.org                                (AGE) 421 4.3.2 Service not available, closing transmission channel
 noend.x                                        (AGE) OK
 ok.x                                           (AGE) OK: No such file or directory
 other.net                                      (AGE) 5.0.0 Service unavailable
 s64.x                                          (AGE) 5.0.0 Command line usage error
 s76.x                                          (AGE) 5.5.0 Remote protocol error
 weird.net                                      (AGE) Unknown mailer error 99
[exit 0]
EOF
hsrun -bh -v >"$w/got"
t_same "queue_ops: hoststat -v (-bh -v)" "$w/exp" "$w/got"
t_check "queue_ops: hoststat's age column" sh -c \
    "grep -q '^ a\\.com  *2+07:33:2[0-9] ' '$w/hs'"
if command -v flock >/dev/null 2>&1; then
	flock "$hs/com./a" sleep 3 &
	fp=$!
	sleep 0.5
	sm -OHostStatusDirectory="$hs" -bh >"$w/hs" 2>&1
	wait "$fp"
	t_check "queue_ops: hoststat marks a locked entry" \
	    grep -q '^\*a\.com ' "$w/hs"
fi
# a damaged file: sendmail's message carries the line number its last
# file read ended with -- the cf's, when no status file was read before
mkdir -p "$w/hsbad/x."
printf 'V0\nZ9\n.\n' >"$w/hsbad/x./bad"
cflines=$(wc -l <"$H_CF")
sm -OHostStatusDirectory="$w/hsbad" -bh >"$w/got" 2>&1
{
	echo ' -------------- Hostname --------------- How long ago ---------Results---------'
	echo "$w/hsbad/x./bad: line $cflines: $w/hsbad/x./bad: could not read status file"
} >"$w/exp"
t_same "queue_ops: hoststat on a damaged status file" "$w/exp" "$w/got"

# purgestat removes the files older than Timeout.hoststatus (30m), by
# modification time, and keeps the directories
touch -d '2 hours ago' "$hs/net./other" "$hs/com./b"
sm -OHostStatusDirectory="$hs" -bH >"$w/got" 2>&1
echo "[exit $?]" >>"$w/got"
(cd "$hs" && find . | sort) >>"$w/got"
cat >"$w/exp" <<'EOF'
[exit 0]
.
./1.
./1./0.
./1./0./0.
./1./0./0./127
./[1.2.3.4]
./com.
./com./a
./com./c
./net.
./net./weird
./org.
./org./example.
./org./example./mail
./org./example./mx1
./x.
./x./noend
./x./ok
./x./s64
./x./s76
EOF
t_same "queue_ops: purgestat (-bH)" "$w/exp" "$w/got"
sm -OHostStatusDirectory="$hs" -OTimeout.hoststatus=1s -bH >/dev/null 2>&1
sleep 1.1
sm -OHostStatusDirectory="$hs" -OTimeout.hoststatus=1s -bH >"$w/got" 2>&1
find "$hs" -type f >>"$w/got"
: >"$w/exp"
t_same "queue_ops: purgestat with Timeout.hoststatus=1s" "$w/exp" "$w/got"
sm -OHostStatusDirectory="$hs" -bh >"$w/got" 2>&1
t_same "queue_ops: hoststat of a tree without files" "$w/exp" "$w/got"

# ---- SMTP: VRFY/EXPN beyond the limit ------------------------------------------
# the sixth VRFY/EXPN of a session is logged as a possible attack (each
# from it waits before its reply; the replies are data/smtp/vrfylimit)
if [ -s "$H/maillog" ]; then
	{
		echo 'HELO client.example.net'
		for i in 1 2 3 4 5; do echo 'VRFY root'; done
		echo 'EXPN root'
		echo 'QUIT'
	} | python3 "$TERN_TOP/test/protocol/smtp_chat.py" "$H_SM" -C "$H_CF" \
	    -bs >"$w/chat" 2>&1
	sleep 0.5
	sed -n 's/.*\]: [0-9A-Za-x]*: \(.*possible SMTP attack.*\)/\1/p' \
	    "$H/maillog" >"$w/got"
	echo 'root@localhost: possible SMTP attack: command=EXPN, count=6' \
	    >"$w/exp"
	t_same "queue_ops: the VRFY/EXPN limit is logged" "$w/exp" "$w/got"
else
	t_skip "queue_ops: the VRFY/EXPN limit" "no syslog in the namespace"
fi

# ---- -qp: a persistent queue runner ----------------------------------------------
# it goes to the background at once (status 0), writes PidFile, runs the
# queue, sleeps the interval, runs it again: a message queued after it
# started is delivered without another -q; SIGTERM ends it
before=$(h_count rich)
sm -qp1s -OPidFile="$H/qp.pid" >"$w/got" 2>&1
echo "[exit $?]" >>"$w/got"
echo "[exit 0]" >"$w/exp"
t_same "queue_ops: -qp returns at once" "$w/exp" "$w/got"
n=0
while [ ! -s "$H/qp.pid" ] && [ "$n" -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
qp=$(head -n 1 "$H/qp.pid" 2>/dev/null)
printf 'Subject: p\n\npersistent\n' | sm -odq -f alice rich
if h_wait_mbox rich $((before + 1)) 30; then
	t_ok "queue_ops: the persistent runner delivered a message queued later"
else
	t_fail "queue_ops: the persistent runner" "nothing delivered in 30 s"
fi
if [ -n "$qp" ] && kill -TERM "$qp" 2>/dev/null; then
	n=0
	while kill -0 "$qp" 2>/dev/null && [ "$n" -lt 100 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	t_check "queue_ops: SIGTERM ends the persistent runner" \
	    sh -c "! kill -0 $qp 2>/dev/null"
	kill -KILL "$qp" 2>/dev/null
else
	t_fail "queue_ops: -qp PidFile" "no pid in $H/qp.pid"
fi
if [ -s "$H/maillog" ]; then
	t_check "queue_ops: -qp's start is logged" grep -q \
	    'starting daemon (8\.17\.1\.9): persistent-queueing@00:00:01' \
	    "$H/maillog"
fi

# -q5m -qf: the interval runner goes to the background all the same
timeout 20 "$H_SM" -C "$H_CF" -q5m -qf -OPidFile="$H/q5.pid" >"$w/got" 2>&1
echo "[exit $?]" >>"$w/got"
echo "[exit 0]" >"$w/exp"
t_same "queue_ops: -q5m -qf returns at once" "$w/exp" "$w/got"
n=0
while [ ! -s "$H/q5.pid" ] && [ "$n" -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
q5=$(head -n 1 "$H/q5.pid" 2>/dev/null)
[ -n "$q5" ] && kill -TERM "$q5" 2>/dev/null
