# SPDX-License-Identifier: BSD-3-Clause
#
# deliver.sh -- sendmail/deliver*.c and rcpt.c side by side with sendmail
# 8.17 on the same queued message.  In a private namespace (host name
# mta.example.org, no network, a tmpfs on /srv) the real sendmail queues
# one message over SMTP (-bs -odq) to a local user, an alias with an
# owner and an unknown member, an alias to a program, an alias to a file
# and an alias to a program that defers.  The queue is copied; the real
# sendmail runs its copy (-q, its local mailer a script that keeps what
# it gets), Tern runs the other (test/tools/deliver_drive, the local
# mailer made Tern's built-in one, mailboxes in /srv/w/mail).  Then:
#   - the program and the file got the same bytes from both (the date of
#     the "From " line aside);
#   - the user's mbox holds, after its "From " line, what the real local
#     mailer was given, ">From"-escaped, then a blank line;
#   - the owner got a DSN from each;
#   - what is left in the queue has the same R, C and r lines (the
#     deferring program, A flag, "alias:uid:gid:<address>" C line);
#   - Tern's log has the to= lines of each recipient in sendmail's form.
# Needs root, unshare, m4, python3 and the reference binary; skips
# otherwise.
. "$TERN_LIB"
. "$TERN_TOP/test/lib_ns.sh"
LC_ALL=C
export LC_ALL

name=deliver
ns_need "$name" m4 python3
drive=$TERN_OBJ/test/tools/deliver_drive
ns_tool "$name" "$drive"
t_reference

w=$TMPDIR/deliver
mkdir -p "$w/out"
ns_refcf "$name" "$w/cf" <<'EOF'
define(`LOCAL_MAILER_PATH', `/srv/w/lmail')dnl
define(`LOCAL_MAILER_ARGS', `lmail $u')dnl
EOF
# Tern's copy: the same cf with the built-in local mailer
sed 's|^Mlocal,\([ 	]*\)P=/srv/w/lmail,|Mlocal,\1P=[LOCAL],|' "$w/cf" >"$w/cf.tern"

ns_bs_client "$w/smtp.py"

cat >"$w/inner.sh" <<'EOF'
w=$1 sm=$2 drive=$3
o=$w/out
hostname mta.example.org || exit 2
mount -t tmpfs -o mode=755 tmpfs /srv || exit 2
s=/srv/w
# this host's name must resolve without a network (sendmail's $[ $])
printf '127.0.0.1\tmta.example.org mta localhost\n' >$w/hosts
printf 'hosts: files\npasswd: files\ngroup: files\n' >$w/nsswitch.conf
mount --bind $w/hosts /etc/hosts || exit 2
mount --bind $w/nsswitch.conf /etc/nsswitch.conf || exit 2
mkdir -m 755 $s $s/q $s/q2 $s/mail $s/rmail && mkdir -m 777 $s/po $s/pt ||
	exit 2
printf 'hosts\tfiles\naliases\tfiles\n' >$s/switch
chmod 700 $s/q $s/q2
cp "$w/cf" $s/cf
cp "$w/cf.tern" $s/cf.tern
# the real local mailer: keep what it is given, one file per user
printf '#!/bin/sh\nfor u; do :; done\ncat >>/srv/w/rmail/$u\n' >$s/lmail
chmod 755 $s/lmail
cat >$s/aliases <<'AL'
list: root, nosuchuser8
owner-list: root
pipe: "|cat >>/srv/w/PO/pipe"
tofile: /srv/w/PO/file
later: "|exit 75"
AL
SM() { "$sm" -C $s/cf -oA$s/aliases -oQ$s/q -OServiceSwitchFile=$s/switch "$@"; }
sed 's/PO/po/' $s/aliases >$s/a && mv $s/a $s/aliases
SM -bi >/dev/null 2>&1
python3 $w/smtp.py "$sm" -C $s/cf -oA$s/aliases -oQ$s/q \
	-OServiceSwitchFile=$s/switch -odq -bs <<'SMTP' >$o/smtp.log
MAIL FROM:<alice@mta.example.org>
RCPT TO:<root@mta.example.org>
RCPT TO:<list@mta.example.org>
RCPT TO:<pipe@mta.example.org>
RCPT TO:<tofile@mta.example.org>
RCPT TO:<later@mta.example.org>
DATA
Subject: test\nFrom: Alice <alice@mta.example.org>\n\nHello,\nFrom here on\n..\nbye\n.
SMTP
cp -p $s/q/* $s/q2/
SM -v -q >$o/realq.log 2>&1
# Tern's run: same aliases, its outputs to /srv/w/pt
sed 's/po/pt/' $s/aliases >$s/aliases.tern
"$sm" -C $s/cf -oA$s/aliases.tern -oQ$s/q2 -bi >/dev/null 2>&1
"$drive" $s/cf.tern $s/q2 $o/tern.log AliasFile=$s/aliases.tern \
	MailboxDirectory=$s/mail ServiceSwitchFile=$s/switch \
	>$o/drive.out 2>&1
for f in pipe file; do
	cp $s/po/$f $o/$f.real 2>/dev/null
	cp $s/pt/$f $o/$f.tern 2>/dev/null
done
cp $s/rmail/root $o/mbox.real 2>/dev/null
cp $s/mail/root $o/mbox.tern 2>/dev/null
cat $s/q/qf* 2>/dev/null | grep -a '^[CrR]' >$o/left.real
cat $s/q2/qf* 2>/dev/null | grep -a '^[CrR]' >$o/left.tern
# a second run of each over what was left: the C line read back
sleep 1
SM -q -OMinQueueAge=0 >/dev/null 2>&1
"$drive" $s/cf.tern $s/q2 $o/tern2.log AliasFile=$s/aliases.tern \
	MailboxDirectory=$s/mail ServiceSwitchFile=$s/switch \
	>>$o/drive.out 2>&1
cat $s/q/qf* 2>/dev/null | grep -a '^[CrRN]' >$o/left2.real
cat $s/q2/qf* 2>/dev/null | grep -a '^[CrRN]' >$o/left2.tern
ls $s/q2 >$o/ls.tern
ls -la $s/rmail $s/mail >$o/ls.mail 2>&1; cat $s/lmail >>$o/ls.mail
EOF

unshare -u -m -n -- sh "$w/inner.sh" "$w" "$SMREF_BIN/sendmail" "$drive" ||
	{ t_fail "$name: namespace" "inner script failed"; exit 0; }
o=$w/out

if grep -q '^250 2.0.0 .* Message accepted' "$o/smtp.log"; then
	t_ok "$name: the real sendmail queued the message"
else
	t_fail "$name: the real sendmail queued the message" \
	    "$(tail -n 1 "$o/smtp.log")"
	exit 0
fi

# the "From " line's date differs between the runs
undate() { sed '1s/^\(From [^ ]*\) .*/\1 DATE/' "$1"; }
for f in pipe file; do
	undate "$o/$f.real" >"$o/$f.real.u"
	undate "$o/$f.tern" >"$o/$f.tern.u"
	t_same "$name: the $f got what sendmail gives it" "$o/$f.real.u" \
	    "$o/$f.tern.u"
done

# the mbox: the first message after its From line, unescaped, without the
# blank line that ends it, is what the real local mailer got first
python3 - "$o/mbox.tern" "$o/mbox.real" "$o" <<'EOF'
import re, sys
t = open(sys.argv[1], 'rb').read()
r = open(sys.argv[2], 'rb').read()
msgs = re.split(rb'\n(?=From )', t)
first = msgs[0].split(b'\n', 1)[1]
if first.endswith(b'\n\n'):
    first = first[:-1]
first = re.sub(rb'(?m)^>From ', b'From ', first)
# the real local mailer got its messages back to back
rfirst = r.split(b'\nReturn-Path: <MAILER-DAEMON', 1)[0]
if not rfirst.endswith(b'\n'):
    rfirst += b'\n'
open(sys.argv[3] + '/mbox1.tern', 'wb').write(first)
open(sys.argv[3] + '/mbox1.real', 'wb').write(rfirst)
# the user's message, then the DSN (its own Return-Path: <MAILER-DAEMON>)
open(sys.argv[3] + '/mbox.n', 'w').write('%d %d\n' % (len(msgs),
    1 + r.count(b'\nReturn-Path: <MAILER-DAEMON')))
EOF
t_same "$name: the mailbox holds what the local mailer got" \
    "$o/mbox1.real" "$o/mbox1.tern"
if head -n 1 "$o/mbox.tern" | grep -q '^From alice@mta.example.org '; then
	t_ok "$name: the mbox From line"
else
	t_fail "$name: the mbox From line" "$(head -n 1 "$o/mbox.tern")"
fi
t_check "$name: the owner got a DSN from each" \
    sh -c "read a b <'$o/mbox.n' && [ \"\$a\" = 2 ] && [ \"\$b\" = 2 ]"
t_same "$name: the deferred alias stays queued as sendmail queues it" \
    "$o/left.real" "$o/left.tern"

# the log lines (times and ids munged)
sed -n 's/^.*: \(to=.*\)$/\1/p' "$o/tern.log" |
	sed 's/delay=[0-9:+]*/delay=D/; s/xdelay=[0-9:+]*/xdelay=D/; s/pri=[0-9]*/pri=P/' |
	sort >"$o/to.tern"
cat >"$o/to.want" <<'EOF'
to="|cat >>/srv/w/pt/pipe", ctladdr=<pipe@mta.example.org> (1/0), delay=D, xdelay=D, mailer=prog, pri=P, dsn=2.0.0, stat=Sent
to="|exit 75", ctladdr=<later@mta.example.org> (1/0), delay=D, xdelay=D, mailer=prog, pri=P, dsn=4.0.0, stat=Deferred: prog mailer (/bin/sh) exited with EX_TEMPFAIL
to=/srv/w/pt/file, ctladdr=<tofile@mta.example.org> (1/0), delay=D, xdelay=D, mailer=*file*, pri=P, dsn=2.0.0, stat=Sent
to=<root@mta.example.org>, delay=D, xdelay=D, mailer=local, pri=P, dsn=2.0.0, stat=Sent
to=nosuchuser8, ctladdr=<list@mta.example.org> (1/0), delay=D, mailer=local, pri=P, dsn=5.1.1, reply=550 5.1.1 User unknown, stat=User unknown
to=root, delay=D, xdelay=D, mailer=local, pri=P, dsn=2.0.0, stat=Sent
EOF
t_same "$name: to= lines as sendmail logs them" "$o/to.want" "$o/to.tern"

t_same "$name: a second run leaves it as sendmail does" "$o/left2.real" \
    "$o/left2.tern"
sed -n 's/^.*: \(to=.*\)$/\1/p' "$o/tern2.log" |
	sed 's/delay=[0-9:+]*/delay=D/; s/xdelay=[0-9:+]*/xdelay=D/; s/pri=[0-9]*/pri=P/' \
	>"$o/to2.tern"
echo 'to="|exit 75", ctladdr=<later@mta.example.org> (1/0), delay=D, xdelay=D, mailer=prog, pri=P, dsn=4.0.0, stat=Deferred: prog mailer (/bin/sh) exited with EX_TEMPFAIL' >"$o/to2.want"
t_same "$name: the second run logs the controlling address" \
    "$o/to2.want" "$o/to2.tern"
