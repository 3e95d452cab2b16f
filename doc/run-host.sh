#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# doc/run-host.sh -- "./Build run": a Tern mail host from the checkout, in
# the foreground.  Builds nothing (Build did); everything lives in run/
# of the checkout, nothing outside it is touched and no root is needed:
#
#   run/sendmail.cf   made from cf/cf/tern-run.mc by Tern's cf/ (m4)
#   run/mqueue/       the queue (run/sendmail.pid: the daemon's pid)
#   run/mail/USER     the mailboxes (mbox), Tern's built-in local delivery
#   run/aliases       aliases (postmaster, root ... -> you) + aliases.db
#   run/statistics    mailstats -C run/sendmail.cf
#   run/helpfile      from cf/helpfile when there is one
#
# Environment: TERN_PORT (default 2525): the port on 127.0.0.1;
# TERN_RUN_NOEXEC=1: prepare run/ and print, but do not start (tests).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
run=$top/run
port=${TERN_PORT:-2525}
sm=${TERN_SENDMAIL:-$top/build/bin/sendmail}
me=$(id -un)

case $port in
''|*[!0-9]*) echo "run-host: TERN_PORT must be a number: $port" >&2; exit 64 ;;
esac
if [ ! -x "$sm" ]; then
	echo "run-host: $sm is not built (./Build first)" >&2
	exit 1
fi
command -v m4 >/dev/null 2>&1 || { echo "run-host: m4 is needed (./Build deps)" >&2; exit 1; }

mkdir -p "$run/mqueue" "$run/mail"
chmod 700 "$run/mqueue"
if [ ! -f "$run/aliases" ]; then
	cat >"$run/aliases" <<ALIASES
# Aliases of the mail host started by ./Build run (doc/run-host.sh).
# Edit, then: $sm -C $run/sendmail.cf -bi
postmaster: $me
MAILER-DAEMON: postmaster
abuse: postmaster
root: $me
ALIASES
fi
[ -f "$run/statistics" ] || : >"$run/statistics"
[ -f "$top/cf/helpfile" ] && cp "$top/cf/helpfile" "$run/helpfile"

m4 -I "$top/cf/cf" -D_CF_DIR_="$top/cf/" -DRUN_DIR="$run" \
	-DTERN_PORT="$port" "$top/cf/cf/tern-run.mc" >"$run/sendmail.cf.new"
mv "$run/sendmail.cf.new" "$run/sendmail.cf"
# the cf helper's confMAILBOX_DIRECTORY may not be in this tree yet
grep -q '^O MailboxDirectory=' "$run/sendmail.cf" ||
	echo "O MailboxDirectory=$run/mail" >>"$run/sendmail.cf"
"$sm" -C "$run/sendmail.cf" -bi ||
	echo "run-host: newaliases ended with status $? (see above)" >&2

cat <<TEXT

Tern mail host on 127.0.0.1 port $port (Ctrl-C stops it).
  Send a message:
    swaks --server 127.0.0.1 --port $port --to $me@localhost
    python3 -c 'import smtplib; smtplib.SMTP("127.0.0.1", $port).sendmail("$me@localhost", ["$me@localhost"], "Subject: hello\n\nHello from Tern.\n")'
    $sm -C $run/sendmail.cf -t -oi    (a message on stdin, recipients from To:)
  It arrives in:   $run/mail/$me
  The queue:       $sm -C $run/sendmail.cf -bp   ($run/mqueue)
  Aliases:         $run/aliases (then -bi)
  Accepted for localhost and this machine's names; relaying from 127.0.0.1 only.

TEXT
[ -n "${TERN_RUN_NOEXEC:-}" ] && exit 0
exec "$sm" -C "$run/sendmail.cf" -bD -q1m
