#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# test/bench/smtp/run.sh -- messages per second accepted and delivered by
# Tern beside the real sendmail 8.17 and Postfix 3.7, all three driven in
# the same run by Postfix's smtp-source (../shared/bench/anchors.sh and
# smtp_throughput.sh; read their headers).  A benchmark, not a test.
#
#   test/bench/smtp/run.sh [HARNESS OPTIONS]    the comparison; default
#       --only sendmail-listen1024,postfix --scenarios idle,local-1k-c1,
#       local-1k-c10,local-1k-c50 (options given replace these defaults
#       one by one).  Relay scenarios need Tern's SMTP client (a later
#       issue): until then Tern accepts relay-* messages but delivers none.
#   run.sh --setup | --start | --stop | --reset
#       what tern.conf's START/STOP/RESET call: make the prefix, start
#       the daemon and return once it greets, stop it, empty its queue
#       and mailbox.
#
# Environment: TERN_SENDMAIL (default build/bin/sendmail: "make MODE=rel
# all"), TERN_BENCH_DIR (the prefix, default obj/bench-smtp), ANCHOR_ROOT
# (anchors.sh's tree).  Needs root (as anchors.sh does), m4, python3.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../../.." && pwd)
W=${TERN_BENCH_DIR:-$TOP/obj/bench-smtp}
SM=${TERN_SENDMAIL:-$TOP/build/bin/sendmail}
PORT=26425 SINK_PORT=26026 FQDN=anchor.localdomain
die() { echo "run.sh: $*" >&2; exit 2; }

setup() {
	[ -x "$SM" ] || die "no $SM (make MODE=rel all, or set TERN_SENDMAIL)"
	mkdir -p "$W/mqueue" "$W/mail" || die "cannot make $W"
	chmod 700 "$W/mqueue"
	chmod 1777 "$W/mail"
	printf 'hosts\t\tfiles\naliases\t\tfiles\npasswd\t\tfiles\n' >"$W/service.switch"
	printf 'postmaster: root\nMAILER-DAEMON: postmaster\nbench: nobody\n' >"$W/aliases"
	# the sendmail anchor's .mc, with Tern's own mbox delivery for local
	# mail (a local mailer path ending in mail.local) instead of its
	# mbox-append program, into MAILBOX = the prefix's mail/nobody
	cat >"$W/tern-bench.mc" <<MC
divert(0)dnl
include(\`../m4/cf.m4')dnl
VERSIONID(\`Tern benchmark (test/bench/smtp)')dnl
FEATURE(\`no_default_msa')dnl
FEATURE(\`accept_unresolvable_domains')dnl
FEATURE(\`nocanonify')dnl
define(\`confDOMAIN_NAME', \`$FQDN')dnl
define(\`confSERVICE_SWITCH_FILE', \`$W/service.switch')dnl
define(\`QUEUE_DIR', \`$W/mqueue')dnl
define(\`confPID_FILE', \`$W/sendmail.pid')dnl
define(\`STATUS_FILE', \`$W/statistics')dnl
define(\`ALIAS_FILE', \`$W/aliases')dnl
define(\`SMART_HOST', \`esmtp:[127.0.0.1]')dnl
define(\`ESMTP_MAILER_ARGS', \`TCP \$h $SINK_PORT')dnl
define(\`LOCAL_MAILER_PATH', \`/usr/libexec/sendmail/mail.local')dnl
DAEMON_OPTIONS(\`Family=inet, Name=MTA, Port=$PORT, Addr=127.0.0.1')dnl
LOCAL_CONFIG
O MailboxDirectory=$W/mail
MAILER(\`local')dnl
MAILER(\`smtp')dnl
MC
	(cd "$TOP/cf/cf" && m4 "$W/tern-bench.mc") >"$W/tern-bench.cf" ||
		die "m4 failed"
	touch "$W/statistics" "$W/mail/nobody"
	chown nobody "$W/mail/nobody" 2>/dev/null
	chmod 600 "$W/mail/nobody"
	# in a UTS namespace of its own, as the sendmail anchor runs
	cat >"$W/run-tern" <<RUN
#!/bin/sh
exec unshare --uts sh -c 'hostname $FQDN && exec "\$0" "\$@"' $SM -C $W/tern-bench.cf "\$@"
RUN
	chmod 755 "$W/run-tern"
	"$W/run-tern" -bi >"$W/newaliases.log" 2>&1 ||
		echo "run.sh: newaliases failed: $(head -n 1 "$W/newaliases.log")" >&2
	return 0
}

greeting() {
	python3 - "$PORT" <<'PY'
import socket, sys, time
end = time.time() + 30
while time.time() < end:
    try:
        s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5)
        if s.makefile('rb').readline().startswith(b'220'):
            s.sendall(b'QUIT\r\n')
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)
PY
}

case "${1:-}" in
--setup) setup; exit 0 ;;
--start)
	[ -f "$W/tern-bench.cf" ] || setup
	"$W/run-tern" -bd -q10m >>"$W/daemon.log" 2>&1 </dev/null
	greeting || die "the daemon did not greet on port $PORT (see $W/daemon.log)"
	exit 0 ;;
--stop)
	[ -f "$W/sendmail.pid" ] && kill "$(head -n 1 "$W/sendmail.pid")" 2>/dev/null
	exit 0 ;;
--reset)
	rm -f "$W"/mqueue/*
	[ -f "$W/mail/nobody" ] && : >"$W/mail/nobody"
	exit 0 ;;
esac

[ -n "${TERN_SHARED:-}" ] || TERN_SHARED=$TOP/../shared
[ -f "$TERN_SHARED/bench/anchors.sh" ] || die "no $TERN_SHARED/bench/anchors.sh"
setup
args=("$@")
has() { local a; for a in "${args[@]+"${args[@]}"}"; do [ "$a" = "$1" ] && return 0; done; return 1; }
has --only || args=(--only sendmail-listen1024,postfix "${args[@]+"${args[@]}"}")
has --scenarios || args=(--scenarios idle,local-1k-c1,local-1k-c10,local-1k-c50 "${args[@]+"${args[@]}"}")
echo "# tern: $("$SM" -d0.1 -bt </dev/null 2>/dev/null | sed -n 's/^Version //p' | head -n 1) ($SM), $(git -C "$TOP" describe --always --dirty 2>/dev/null), $(nproc) cores" >&2
exec bash "$TERN_SHARED/bench/anchors.sh" "${args[@]}" "$HERE/tern.conf"
