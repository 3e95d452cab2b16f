# SPDX-License-Identifier: BSD-3-Clause
#
# test/protocol/lib_host.sh -- a whole mail host for the end-to-end tests
# of issue 6.  Source it after test/lib.sh:
#
#	. "$TERN_LIB"
#	. "$TERN_TOP/test/protocol/lib_host.sh"
#	h_enter "$@"            # first: re-runs the script in a namespace
#	h_prefix                # the host: cf, queue, mailboxes, aliases
#	h_start                 # sendmail -bD, returns once it greets
#	h_smtp SCRIPT >OUT      # a dialogue (data/smtpdialog.py)
#	h_wait_mbox rich 1 30   # until rich has 1 message (30 s at most)
#	h_stop
#
# The namespace.  Every test runs in private UTS, mount and network
# namespaces (unshare -u -m -n; needs root): the host name is
# mta.example.org, only loopback exists (so no port is shared with anything
# else on the machine and no packet leaves), /etc/passwd, group, hosts and
# nsswitch.conf are the pinned ones of data/env/ (users rich haley katie
# riley alice bob; jessica does not exist; 127.0.0.1 is localhost,
# 127.0.0.2 is outside.example.net), /etc/mail is the prefix's etc/ and
# /var/mail the prefix's mail/.  So "sendmail -t -oi" as an MUA calls it
# (no -C) reaches the host under test.
#
# Which MTA.  H_MTA=tern (the default): $TERN_BIN/sendmail with a cf built
# by Tern's cf/ from data/host.mc, the local mailer Tern's own mbox delivery
# (a P= ending in mail.local, O MailboxDirectory=PREFIX/mail).  H_MTA=real:
# the reference sendmail 8.17, its own cf macros and its mail.local; this
# is how the tests themselves are dry-run and the fixtures recorded.
#
# Functions:
#   h_enter ARGS     re-execute the calling script inside the namespace
#                    (skips the file when not root or unshare is missing)
#   h_prefix         make $H: etc/ (sendmail.cf, aliases + db, helpfile
#                    when the reference is at hand, statistics), mqueue/,
#                    mail/; sets H_PORT, H_SM (the sendmail binary), H_CF
#   h_start ARGS     start "$H_SM -bD -C $H_CF ARGS" in the background
#                    (stderr to $H/daemon.log), wait for its 220 greeting;
#                    returns 1 when none came within 30 s
#   h_stop           SIGTERM the daemon, wait for it (SIGKILL after 15 s)
#   h_kill9          kill -9 the daemon and every process below it
#   h_smtp [--bind A] SCRIPT   run a dialogue against the daemon, masked
#   h_bs SCRIPT      the same dialogue through "$H_SM -bs" (masked)
#   h_mbox USER      print USER's mailbox (nothing when there is none)
#   h_count USER     the number of messages ("From " lines) in it
#   h_wait_mbox USER N SECS    wait until USER has N messages or more
#   h_qfcount        the number of qf files in the queue
#   (the MTA's syslog lines are collected in $H/maillog when an overlay on
#   /dev can hold a /dev/log of the namespace's own)
#   h_run_queue      one queue run in the foreground ($H_SM -q)
#   h_msgbody USER K print the body of USER's K-th message (1-based):
#                    what follows the first empty line, up to the empty
#                    line that ends the message in the mbox
#   h_msghdrs USER K print the header lines of that message
. "$TERN_TOP/test/lib_ns.sh"
LC_ALL=C
export LC_ALL
H_DATA=$TERN_TOP/test/protocol/data
H_MTA=${H_MTA:-tern}
H_NAME=$(basename "$0" .sh)

h_enter() {
	if [ -n "${H_INSIDE:-}" ]; then
		_h_inside
		return
	fi
	ns_need "$H_NAME" m4 python3 ip
	H_INSIDE=1
	export H_INSIDE H_MTA
	exec unshare -u -m -n -- sh "$0" "$@"
}

_h_inside() {
	hostname mta.example.org || { t_fail "$H_NAME" "cannot set the host name"; exit 1; }
	ip link set lo up || { t_fail "$H_NAME" "no loopback"; exit 1; }
	H=$TMPDIR/host
	mkdir -p "$H/etc" "$H/mqueue" "$H/mail" || exit 1
	chmod 755 "$H" "$H/etc"
	chmod 700 "$H/mqueue"
	chmod 1777 "$H/mail"
	if [ ! -d /etc/mail ]; then
		# never create it on the machine: an overlay on /etc holds it
		mkdir -p "$H/etc-upper" "$H/etc-work"
		mount -t overlay overlay -o \
		    "lowerdir=/etc,upperdir=$H/etc-upper,workdir=$H/etc-work" /etc &&
		    mkdir /etc/mail ||
			{ t_fail "$H_NAME" "no /etc/mail and no overlay on /etc"; exit 1; }
	fi
	for f in passwd group hosts nsswitch.conf; do
		cp "$H_DATA/env/$f" "$H/$f.pinned"
		mount --bind "$H/$f.pinned" "/etc/$f" ||
			{ t_fail "$H_NAME" "cannot pin /etc/$f"; exit 1; }
	done
	mount --bind "$H/etc" /etc/mail &&
	    mount --bind "$H/mail" /var/mail ||
		{ t_fail "$H_NAME" "cannot bind /etc/mail and /var/mail"; exit 1; }
	trap '_h_cleanup' EXIT
	trap '_h_cleanup; exit 143' TERM INT HUP
	_h_syslog
}

# The MTA's syslog lines go to $H/maillog: a receiver on /dev/log, made in
# an overlay on /dev so that nothing is created on the machine.  Without
# it the lines are lost, which no test depends on.
_h_syslog() {
	: >"$H/maillog"
	mkdir -p "$H/dev-upper" "$H/dev-work"
	if [ ! -S /dev/log ] && mount -t overlay overlay -o \
	    "lowerdir=/dev,upperdir=$H/dev-upper,workdir=$H/dev-work" /dev \
	    2>/dev/null; then
		python3 "$H_DATA/syslogd.py" /dev/log "$H/maillog" </dev/null \
		    >/dev/null 2>&1 &
		H_SYSLOGD=$!
	fi
}

_h_cleanup() {
	[ -n "${H_PID:-}" ] && h_kill9 2>/dev/null
	[ -n "${H_SYSLOGD:-}" ] && kill "$H_SYSLOGD" 2>/dev/null
	return 0
}

# the reference sendmail, quietly (t_reference skips the file when missing)
_h_ref() {
	[ -n "${SMREF:-}" ] && return 0
	if SMREF=$(sh "$TERN_SHARED/reference/get-sendmail.sh" 2>/dev/null) &&
	    [ -x "$SMREF/usr/libexec/sendmail/sendmail" ]; then
		SMREF_BIN=$SMREF/usr/libexec/sendmail
		return 0
	fi
	SMREF=""
	return 1
}

h_prefix() {
	H_PORT=$(t_port)
	H_CF=$H/etc/sendmail.cf
	if [ "$H_MTA" = real ]; then
		t_reference
		H_SM=$SMREF_BIN/sendmail
		cftree=$SMREF/usr/share/sendmail/cf
		local_path=$SMREF_BIN/mail.local
	else
		H_SM=$TERN_BIN/sendmail
		cftree=$TERN_TOP/cf
		local_path=/usr/libexec/sendmail/mail.local
		if [ ! -x "$H_SM" ]; then
			t_fail "$H_NAME" "no $H_SM: build Tern first"
			exit 1
		fi
	fi
	listen=""
	[ "$H_MTA" = real ] && listen=", Listen=1024"
	sed -e "s|@H@|$H|g" -e "s|@PORT@|$H_PORT|g" -e "s|@LOCAL@|$local_path|g" \
	    -e "s|@LISTEN@|$listen|g" \
	    "$H_DATA/host.mc" >"$H/etc/host.mc"
	if [ "$H_MTA" != real ]; then
		printf 'LOCAL_CONFIG\nO MailboxDirectory=%s/mail\n' "$H" \
		    >>"$H/etc/host.mc"
	fi
	if ! (cd "$cftree/cf" && m4 "$H/etc/host.mc") >"$H_CF" 2>"$H/m4.err"; then
		t_fail "$H_NAME: m4" "$(head -n 3 "$H/m4.err" | tr '\n' ' ')"
		exit 1
	fi
	cp "$H_DATA/env/aliases" "$H_DATA/env/service.switch" "$H/etc/"
	: >"$H/etc/statistics"
	# the help file is sendmail's own text: used, never copied into the tree
	if _h_ref && [ -f "$SMREF/etc/mail/helpfile" ]; then
		cp "$SMREF/etc/mail/helpfile" "$H/etc/helpfile"
	fi
	"$H_SM" -C "$H_CF" -bi >"$H/newaliases.log" 2>&1 ||
		echo "# newaliases failed: $(head -n 2 "$H/newaliases.log" | tr '\n' ' ')"
	return 0
}

# _h_greeting PORT SECS [PID]: wait for a 220 on 127.0.0.1:PORT, then
# QUIT; give up early when process PID has ended
_h_greeting() {
	python3 - "$1" "$2" "${3:-0}" <<'EOF'
import socket, sys, time
port, end = int(sys.argv[1]), time.time() + float(sys.argv[2])
pid = int(sys.argv[3])
def gone():
    try:
        with open('/proc/%d/stat' % pid) as f:
            return f.read().rsplit(')', 1)[1].split()[0] == 'Z'
    except OSError:
        return True
while time.time() < end:
    if pid and gone():
        sys.exit(2)
    try:
        s = socket.create_connection(('127.0.0.1', port), timeout=5)
        f = s.makefile('rb')
        l = f.readline()
        s.sendall(b'QUIT\r\n')
        f.readline()
        s.close()
        if l.startswith(b'220'):
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)
EOF
}

h_start() {
	"$H_SM" -bD -C "$H_CF" "$@" >>"$H/daemon.log" 2>&1 &
	H_PID=$!
	if ! _h_greeting "$H_PORT" 30 "$H_PID"; then
		echo "# the daemon did not greet within 30 s (or ended); its log:"
		sed 's/^/#   /' "$H/daemon.log" | tail -n 10
		return 1
	fi
	return 0
}

# the pids of every process below PID (children first, depth first)
_h_tree() {
	for _c in $(ps -o pid= --ppid "$1" 2>/dev/null); do
		_h_tree "$_c"
		echo "$_c"
	done
}

h_stop() {
	[ -n "${H_PID:-}" ] || return 0
	kill -TERM "$H_PID" 2>/dev/null
	_n=0
	while kill -0 "$H_PID" 2>/dev/null && [ "$_n" -lt 150 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
	if kill -0 "$H_PID" 2>/dev/null; then
		echo "# the daemon did not stop on SIGTERM within 15 s"
		h_kill9
	fi
	wait "$H_PID" 2>/dev/null
	H_PID=""
}

h_kill9() {
	[ -n "${H_PID:-}" ] || return 0
	_pids="$(_h_tree "$H_PID") $H_PID"
	# the daemon first, so that it forks nothing more
	kill -KILL "$H_PID" $_pids 2>/dev/null
	wait "$H_PID" 2>/dev/null
	H_PID=""
}

h_smtp() {
	_b=""
	if [ "$1" = --bind ]; then
		_b="--bind $2"
		shift 2
	fi
	# shellcheck disable=SC2086
	timeout -k 5 300 python3 "$H_DATA/smtpdialog.py" --mask --timeout 60 \
	    --port "$H_PORT" $_b "$1"
}

h_bs() {
	timeout -k 5 120 python3 "$H_DATA/smtpdialog.py" --mask --bs "$1" -- \
	    "$H_SM" -C "$H_CF" -bs
}

h_mbox() {
	[ -f "$H/mail/$1" ] && cat "$H/mail/$1"
	return 0
}

h_count() {
	if [ -f "$H/mail/$1" ]; then
		grep -c '^From ' "$H/mail/$1"
	else
		echo 0
	fi
}

# (its own counter: t_check keeps the check's name in _n)
h_wait_mbox() {
	_hw=0
	while [ "$(h_count "$1")" -lt "$2" ] && [ "$_hw" -lt $(($3 * 10)) ]; do
		sleep 0.1
		_hw=$((_hw + 1))
	done
	[ "$(h_count "$1")" -ge "$2" ]
}

h_qfcount() {
	find "$H/mqueue" -name 'qf*' | wc -l
}

h_run_queue() {
	"$H_SM" -C "$H_CF" -q "$@" >>"$H/queuerun.log" 2>&1
}

# _h_msg USER K: the K-th message of the mbox, From_ line included, without
# the empty line that separates it from the next
_h_msg() {
	h_mbox "$1" | awk -v k="$2" '
		/^From / && (NR == 1 || prev == "") { n++ }
		n == k { buf[++m] = $0 }
		{ prev = $0 }
		END { if (m > 0 && buf[m] == "") m--; for (i = 1; i <= m; i++) print buf[i] }'
}

h_msghdrs() {
	_h_msg "$1" "$2" | awk 'NR > 1 && $0 == "" { exit } NR > 1 { print }'
}

h_msgbody() {
	_h_msg "$1" "$2" | awk 'b { print } !b && $0 == "" { b = 1 }'
}
