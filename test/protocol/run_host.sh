# SPDX-License-Identifier: BSD-3-Clause
#
# run_host.sh -- "./Build run" (doc/run-host.sh) in a copy of the
# checkout's layout under $TMPDIR: run/ is made there (queue, mailboxes,
# aliases and their database, statistics, sendmail.cf from
# cf/cf/tern-run.mc), the host listens on 127.0.0.1 at TERN_PORT,
# accepts mail for localhost and delivers it into run/mail/USER, relays
# for 127.0.0.1 and refuses relaying to a client from 127.0.0.2.
. "$TERN_LIB"
LC_ALL=C
export LC_ALL
t_need m4 python3

top=$TMPDIR/top
mkdir -p "$top/doc"
cp "$TERN_TOP/doc/run-host.sh" "$top/doc/"
ln -s "$TERN_TOP/cf" "$top/cf"
port=$(t_port)
me=$(id -un)
TERN_SENDMAIL=$TERN_BIN/sendmail TERN_PORT=$port sh "$top/doc/run-host.sh" \
    >"$TMPDIR/run.out" 2>&1 &
job=$!
run=$top/run

up=0
i=0
while [ $i -lt 75 ]; do
	if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), timeout=1).close()" 2>/dev/null
	then
		up=1
		break
	fi
	sleep 0.2
	i=$((i + 1))
done
if [ $up = 0 ]; then
	t_fail "run_host: the host listens on port $port" "no answer"
	sed 's/^/#   /' "$TMPDIR/run.out"
	kill $job 2>/dev/null
	exit 0
fi
t_ok "run_host: the host listens on port $port"

t_check "run_host: run/mqueue is mode 700" \
    sh -c "[ \"\$(stat -c %a '$run/mqueue')\" = 700 ]"
for f in mail aliases aliases.db statistics sendmail.cf sendmail.pid; do
	t_check "run_host: run/$f made" test -e "$run/$f"
done
t_check "run_host: the cf listens where asked" \
    grep -q "^O DaemonPortOptions=Port=$port, Addr=127.0.0.1, Name=MTA\$" \
    "$run/sendmail.cf"
t_check "run_host: no MSA port" sh -c \
    "! grep -q 'Port=587' '$run/sendmail.cf'"
t_check "run_host: queue in run/" \
    grep -q "^O QueueDirectory=$run/mqueue\$" "$run/sendmail.cf"
t_check "run_host: built-in local delivery into run/mail" sh -c \
    "grep -q '^Mlocal,.*P=\\[LOCAL\\]' '$run/sendmail.cf' &&
     grep -q '^O MailboxDirectory=$run/mail\$' '$run/sendmail.cf'"
t_check "run_host: aliases point at the user" \
    grep -q "^postmaster: $me\$" "$run/aliases"
t_check "run_host: says how to send and where it arrives" sh -c \
    "grep -q 'swaks --server 127.0.0.1 --port $port' '$TMPDIR/run.out' &&
     grep -q 'It arrives in: *$run/mail/$me' '$TMPDIR/run.out'"

cat >"$TMPDIR/send.py" <<'PY'
import smtplib, sys
port, me, src, rcpt = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
s = smtplib.SMTP("127.0.0.1", port, source_address=(src, 0), timeout=60)
s.ehlo("client.example")
# the null sender: no domain check on a client from outside
s.mail("%s@localhost" % me if src == "127.0.0.1" else "")
code, text = s.rcpt(rcpt)
print(code, text.decode()[:40])
if code == 250 and rcpt.endswith("@localhost"):
    s.data(b"Subject: run_host\r\n\r\nHello from the run_host test.\r\n")
s.quit()
PY
python3 "$TMPDIR/send.py" "$port" "$me" 127.0.0.1 "$me@localhost" \
    >"$TMPDIR/got" 2>&1
printf '250 2.1.5 <%s@localhost>... Recipient ok\n' "$me" | cut -c1-44 \
    >"$TMPDIR/exp"
t_same "run_host: mail for USER@localhost accepted" "$TMPDIR/exp" \
    "$TMPDIR/got"
python3 "$TMPDIR/send.py" "$port" "$me" 127.0.0.1 "other@example.com" \
    >"$TMPDIR/got" 2>&1
t_check "run_host: relaying from 127.0.0.1" grep -q '^250 2.1.5 ' \
    "$TMPDIR/got"
python3 "$TMPDIR/send.py" "$port" "$me" 127.0.0.2 "other@example.com" \
    >"$TMPDIR/got" 2>&1
t_check "run_host: no relaying for 127.0.0.2" grep -q '^550 5.7.1 ' \
    "$TMPDIR/got"

i=0
while [ ! -s "$run/mail/$me" ] && [ $i -lt 100 ]; do
	sleep 0.3
	i=$((i + 1))
done
t_check "run_host: delivered into run/mail/$me" \
    grep -q '^Subject: run_host$' "$run/mail/$me"

pid=$(head -n 1 "$run/sendmail.pid" 2>/dev/null)
[ -n "$pid" ] && kill "$pid" 2>/dev/null
i=0
while kill -0 $job 2>/dev/null && [ $i -lt 50 ]; do
	sleep 0.2
	i=$((i + 1))
done
t_check "run_host: SIGTERM stops the host" sh -c "! kill -0 $job 2>/dev/null"
kill $job 2>/dev/null
