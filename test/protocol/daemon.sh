# SPDX-License-Identifier: BSD-3-Clause
#
# daemon.sh -- the listener (sendmail -bd/-bD): DaemonPortOptions, the pid
# file (pid, then the command line, as sendmail 8.17 writes it), 200
# simultaneous connections that all get their greeting, MaxDaemonChildren
# (sendmail 8.17 closes its listening socket at the limit: the client's
# connection is refused, no text; recorded with MaxDaemonChildren=1), -bd
# going to the background, SIGHUP (same pid, still serving), SIGTERM, a
# missing queue directory, -X transcripts of a daemon session and of -bs,
# the queue runner child of -qN (it cleans a stale tf file), -q alone,
# a port in use (sendmail's 451 line), ConnectionRateThrottle, the
# client's name from HostsFile when the service switch has no dns.
# Each daemon listens on 127.0.0.1 on a port t_port picked.
. "$TERN_LIB"
LC_ALL=C
export LC_ALL
t_need m4 python3

sm=$TERN_BIN/sendmail
w=$TMPDIR/daemon
mkdir -p "$w/q"
chmod 700 "$w/q"
cat >"$w/d.mc" <<'MC'
divert(0)dnl
include(`../m4/cf.m4')dnl
OSTYPE(`linux')dnl
FEATURE(`no_default_msa')dnl
MAILER(`local')dnl
MAILER(`smtp')dnl
MC
if ! m4 -I "$TERN_TOP/cf/cf" -D_CF_DIR_="$TERN_TOP/cf/" "$w/d.mc" \
    >"$w/cf" 2>"$w/m4.err"; then
	t_fail daemon_m4 "$(head -n 1 "$w/m4.err")"
	exit 0
fi
printf 'postmaster: root\n' >"$w/aliases"

# A client: python3 $w/c.py PORT ACTION...
cat >"$w/c.py" <<'PY'
import socket, sys, time
port = int(sys.argv[1])
def conn():
    s = socket.create_connection(("127.0.0.1", port), timeout=20)
    return s
def greet(s):
    buf = b""
    while not buf.endswith(b"\r\n"):
        d = s.recv(1000)
        if not d:
            break
        buf += d
    return buf.decode("latin-1")
act = sys.argv[2]
if act == "greet":
    s = conn(); print(greet(s)[:4]); s.sendall(b"QUIT\r\n"); print(greet(s)[:4])
elif act == "burst":
    n = int(sys.argv[3]); socks = [conn() for _ in range(n)]
    ok = sum(1 for s in socks if greet(s).startswith("220 "))
    for s in socks:
        s.sendall(b"QUIT\r\n")
    for s in socks:
        greet(s); s.close()
    print(ok)
elif act == "limit":
    a = conn(); b = conn(); ga = greet(a)[:4]; gb = greet(b)[:4]
    time.sleep(0.5)
    try:
        c = conn(); r = greet(c)
        print("third:", "greeting" if r.startswith("220") else "closed")
    except (ConnectionRefusedError, ConnectionResetError):
        print("third: refused")
    a.sendall(b"QUIT\r\n"); greet(a); a.close()
    time.sleep(2)
    d = conn(); print("after:", greet(d)[:4]); d.sendall(b"QUIT\r\n")
    b.sendall(b"QUIT\r\n")
elif act == "helo":
    s = conn(); greet(s)
    s.sendall(b"HELO client.example\r\n"); print(greet(s))
    s.sendall(b"QUIT\r\n"); greet(s)
elif act == "dialog":
    s = conn(); greet(s)
    s.sendall(b"HELO client.example\r\n"); greet(s)
    s.sendall(b"NOOP\r\n"); greet(s)
    s.sendall(b"QUIT\r\n"); greet(s)
PY

# wait_port PORT: until something answers (10 s at most)
wait_port() {
	i=0
	while [ $i -lt 50 ]; do
		python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), timeout=1).close()" \
		    2>/dev/null && return 0
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}
# stop PIDFILE: SIGTERM the daemon, wait until it is gone
stop() {
	p=$(head -n 1 "$1" 2>/dev/null)
	[ -n "$p" ] || return 1
	kill "$p" 2>/dev/null
	i=0
	while kill -0 "$p" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.2
		i=$((i + 1))
	done
	! kill -0 "$p" 2>/dev/null
}
SM() { "$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" "$@"; }

# ---- -bD in the foreground: pid file, greeting, 200 at once
port=$(t_port)
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bD \
    -O DaemonPortOptions="Port=$port, Addr=127.0.0.1, Name=MTA" \
    -O PidFile="$w/pid" >"$w/bD.out" 2>&1 &
fg=$!
if ! wait_port "$port"; then
	t_fail "daemon: -bD listens" "nothing on port $port"
	sed 's/^/#   /' "$w/bD.out"
	kill $fg 2>/dev/null
	exit 0
fi
t_ok "daemon: -bD listens"
printf '%s\n%s -C %s -oQ%s -oA%s -bD -O DaemonPortOptions=Port=%s, Addr=127.0.0.1, Name=MTA -O PidFile=%s\n' \
    "$fg" "$sm" "$w/cf" "$w/q" "$w/aliases" "$port" "$w/pid" >"$w/pid.exp"
t_same "daemon: pid file (pid, command line)" "$w/pid.exp" "$w/pid"
python3 "$w/c.py" "$port" greet >"$w/got" 2>&1
printf '220 \n221 \n' >"$w/exp"
t_same "daemon: greeting and QUIT" "$w/exp" "$w/got"
python3 "$w/c.py" "$port" burst 200 >"$w/got" 2>&1
echo 200 >"$w/exp"
t_same "daemon: 200 simultaneous connections all greeted" "$w/exp" "$w/got"

# ---- SIGHUP: the same process runs again and serves
kill -HUP "$fg"
sleep 1
if wait_port "$port" && kill -0 "$fg" 2>/dev/null; then
	python3 "$w/c.py" "$port" greet >"$w/got" 2>&1
	printf '220 \n221 \n' >"$w/exp"
	t_same "daemon: serves after SIGHUP (same pid)" "$w/exp" "$w/got"
else
	t_fail "daemon: serves after SIGHUP" "gone or not listening"
fi
t_check "daemon: SIGTERM stops it" stop "$w/pid"
wait $fg 2>/dev/null
t_check "daemon: port closed after SIGTERM" sh -c \
    "! python3 -c \"import socket; socket.create_connection(('127.0.0.1', $port), timeout=1)\" 2>/dev/null"

# ---- no dns in the service switch: the client's name from HostsFile
port=$(t_port)
printf 'hosts files\n' >"$w/switch"
printf '127.0.0.1 tern-client.example tc\n' >"$w/hosts"
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bD \
    -O ServiceSwitchFile="$w/switch" -O HostsFile="$w/hosts" \
    -O DaemonPortOptions="Port=$port,Addr=127.0.0.1,Name=MTA" \
    -O PidFile="$w/pidn" >"$w/nodns.out" 2>&1 &
fg=$!
wait_port "$port"
python3 "$w/c.py" "$port" helo >"$w/got" 2>&1
t_check "daemon: client name from HostsFile without dns" \
    grep -q 'Hello tern-client.example \[127.0.0.1\]' "$w/got"
stop "$w/pidn"
wait $fg 2>/dev/null

# ---- the port is taken: sendmail 8.17's 451 line every 5 seconds
# (recorded: 11 tries, then "421 4.0.0 opendaemonsocket: daemon MTA:
# server SMTP socket wedged: exiting"); SIGTERM ends the waiting
port=$(t_port)
python3 -c "import socket, time; s = socket.socket(); s.bind(('127.0.0.1', $port)); s.listen(); time.sleep(20)" &
holder=$!
sleep 1
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bD \
    -O DaemonPortOptions="Port=$port,Addr=127.0.0.1,Name=MTA" \
    >"$w/busy.out" 2>&1 &
fg=$!
sleep 2
kill $fg 2>/dev/null
wait $fg 2>/dev/null
kill $holder 2>/dev/null
wait $holder 2>/dev/null
echo "451 4.0.0 opendaemonsocket: daemon MTA: cannot bind: Address already in use" \
    >"$w/exp"
t_same "daemon: port in use (sendmail's 451 line)" "$w/exp" "$w/busy.out"

# ---- ConnectionRateThrottle=2: six at once take three seconds or more
port=$(t_port)
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bD \
    -O DaemonPortOptions="Port=$port,Addr=127.0.0.1,Name=MTA" \
    -O PidFile="$w/pidt" -O ConnectionRateThrottle=2 >"$w/thr.out" 2>&1 &
fg=$!
wait_port "$port"
sleep 1.2
python3 - "$port" >"$w/got" 2>&1 <<'PY'
import socket, sys, time
port = int(sys.argv[1])
t0 = time.time()
socks = [socket.create_connection(("127.0.0.1", port), timeout=20)
         for _ in range(6)]
for s in socks:
    while not s.recv(1000).endswith(b"\r\n"):
        pass
print("slow" if time.time() - t0 >= 1.9 else "fast %.2f" % (time.time() - t0))
for s in socks:
    s.sendall(b"QUIT\r\n")
PY
echo slow >"$w/exp"
t_same "daemon: ConnectionRateThrottle spreads connections" "$w/exp" \
    "$w/got"
stop "$w/pidt"
wait $fg 2>/dev/null

# ---- MaxDaemonChildren=2: the third is refused, later ones served
port=$(t_port)
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bD \
    -O DaemonPortOptions="Port=$port,Addr=127.0.0.1,Name=MTA" \
    -O PidFile="$w/pid2" -O MaxDaemonChildren=2 >"$w/lim.out" 2>&1 &
fg=$!
wait_port "$port"
sleep 0.5
python3 "$w/c.py" "$port" limit >"$w/got" 2>&1
printf 'third: refused\nafter: 220 \n' >"$w/exp"
t_same "daemon: MaxDaemonChildren refuses, then serves again" "$w/exp" \
    "$w/got"
stop "$w/pid2"
wait $fg 2>/dev/null

# ---- a port's children=2: the same, for that port
port=$(t_port)
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bD \
    -O DaemonPortOptions="Port=$port,Addr=127.0.0.1,Name=MTA,children=2" \
    -O PidFile="$w/pidc" >"$w/limp.out" 2>&1 &
fg=$!
wait_port "$port"
sleep 0.5
python3 "$w/c.py" "$port" limit >"$w/got" 2>&1
printf 'third: refused\nafter: 220 \n' >"$w/exp"
t_same "daemon: a port's children= limit" "$w/exp" "$w/got"
stop "$w/pidc"
wait $fg 2>/dev/null

# ---- -bd: into the background; -X transcript of the sessions
port=$(t_port)
rm -f "$w/xf"
SM -bd -O DaemonPortOptions="Port=$port,Addr=127.0.0.1,Name=MTA" \
    -O PidFile="$w/pid3" -X "$w/xf" >"$w/bd.out" 2>&1
rc=$?
t_check "daemon: -bd returns at once (status 0)" test "$rc" = 0
if wait_port "$port"; then
	t_ok "daemon: -bd listens in the background"
	sleep 0.5
	: >"$w/xf"	# wait_port's own connection is in it
	python3 "$w/c.py" "$port" dialog >/dev/null 2>&1
	sleep 1
	sed -e 's/^[0-9]\{5,\} //' -e 's/^\(220\|250\|221\) .*/\1/' \
	    -e 's/^\(>>> [0-9][0-9][0-9]\).*/\1/' "$w/xf" >"$w/got"
	printf '%s\n' '>>> 220' '<<< HELO client.example' '>>> 250' \
	    '<<< NOOP' '>>> 250' '<<< QUIT' '>>> 221' >"$w/exp"
	t_same "daemon: -X transcript of a session" "$w/exp" "$w/got"
else
	t_fail "daemon: -bd listens in the background" "port $port"
fi
t_check "daemon: -bd stops on SIGTERM" stop "$w/pid3"

# ---- -bs -X: the session on stdin/stdout in the transcript too
rm -f "$w/xf2"
cat >"$w/bs.py" <<'PY'
import subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
p.stdout.readline()
for c in (b"NOOP\r\n", b"QUIT\r\n"):
    p.stdin.write(c); p.stdin.flush(); p.stdout.readline()
p.wait()
PY
python3 "$w/bs.py" "$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bs \
    -X "$w/xf2" >/dev/null 2>&1
sleep 1
sed -e 's/^[0-9]\{5,\} //' -e 's/^\(>>> [0-9][0-9][0-9]\).*/\1/' \
    "$w/xf2" >"$w/got"
printf '%s\n' '>>> 220' '<<< NOOP' '>>> 250' '<<< QUIT' '>>> 221' >"$w/exp"
t_same "daemon: -bs -X transcript" "$w/exp" "$w/got"

# ---- no queue directory: sendmail's message, status 78, nothing bound
port=$(t_port)
SM -oQ"$w/nodir" -bD -O DaemonPortOptions="Port=$port,Addr=127.0.0.1" \
    >"$w/got" 2>&1
rc=$?
echo "[exit $rc]" >>"$w/got"
printf 'can not chdir(%s/): No such file or directory\n[exit 78]\n' \
    "$w/nodir" >"$w/exp"
t_same "daemon: missing queue directory" "$w/exp" "$w/got"

# ---- the queue runner: -bD -q1s forks runs that clean a stale tf
port=$(t_port)
: >"$w/q/tf6AM0000000000001"
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bD -q1s \
    -O DaemonPortOptions="Port=$port,Addr=127.0.0.1" \
    -O PidFile="$w/pid4" >"$w/qr.out" 2>&1 &
fg=$!
i=0
while [ -e "$w/q/tf6AM0000000000001" ] && [ $i -lt 50 ]; do
	sleep 0.2
	i=$((i + 1))
done
t_check "daemon: -q1s runs the queue (stale tf removed)" \
    test ! -e "$w/q/tf6AM0000000000001"
stop "$w/pid4"
wait $fg 2>/dev/null

# ---- -q alone: one run in the foreground
: >"$w/q/tf6AM0000000000002"
SM -q >"$w/got" 2>&1
rc=$?
t_check "daemon: -q runs once and exits 0" test "$rc" = 0
t_check "daemon: -q cleaned the stale tf" \
    test ! -e "$w/q/tf6AM0000000000002"

# ---- RunAsUser (only as root): the pid file written, then the daemon
# runs as that user
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	port=$(t_port)
	"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bD -O RunAsUser=nobody \
	    -O DaemonPortOptions="Port=$port,Addr=127.0.0.1,Name=MTA" \
	    -O PidFile="$w/pidu" >"$w/runas.out" 2>&1 &
	fg=$!
	wait_port "$port"
	uid=$(awk '/^Uid:/ { print $2 }' "/proc/$fg/status" 2>/dev/null)
	t_check "daemon: RunAsUser=nobody after binding" \
	    test "$uid" = "$(id -u nobody)"
	t_check "daemon: pid file written before giving up root" \
	    test "$(head -n 1 "$w/pidu" 2>/dev/null)" = "$fg"
	kill $fg 2>/dev/null
	wait $fg 2>/dev/null
else
	t_skip "daemon: RunAsUser" "not root"
fi

# ---- -q1s alone: a background queue runner (pid file, cleans the queue)
: >"$w/q/tf6AM0000000000003"
rm -f "$w/pidq"
SM -q1s -O PidFile="$w/pidq" >"$w/qonly.out" 2>&1
rc=$?
t_check "daemon: -q1s alone returns at once (status 0)" test "$rc" = 0
i=0
while [ -e "$w/q/tf6AM0000000000003" ] && [ $i -lt 50 ]; do
	sleep 0.2
	i=$((i + 1))
done
t_check "daemon: -q1s alone runs the queue in the background" \
    test ! -e "$w/q/tf6AM0000000000003"
t_check "daemon: the queue runner stops on SIGTERM" stop "$w/pidq"

# ---- -bs started by inetd: the client is the socket's peer
cat >"$w/inetd.py" <<'PY'
import socket, subprocess, sys
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(1)
c = socket.create_connection(l.getsockname(), timeout=20)
a, _ = l.accept()
p = subprocess.Popen(sys.argv[1:], stdin=a, stdout=a, stderr=subprocess.DEVNULL)
a.close()
f = c.makefile("rb")
f.readline()
c.sendall(b"HELO client.example\r\n")
print(f.readline().decode().strip())
c.sendall(b"QUIT\r\n"); f.readline()
p.wait()
PY
python3 "$w/inetd.py" "$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -bs \
    >"$w/got" 2>&1
t_check "daemon: -bs on an inetd socket knows its client" \
    grep -q 'Hello .*\[127\.0\.0\.1\]' "$w/got"
