# SPDX-License-Identifier: BSD-3-Clause
#
# queue_real.sh -- sendmail/queue*.c side by side with sendmail 8.17 on
# real queue files.  In a private namespace (host name mta.example.org,
# no network, a tmpfs on /srv so that every path is one sendmail trusts,
# local time America/New_York when the zone file exists) the real
# sendmail queues a set of messages (command line, ESMTP with DSN
# parameters and Precedence: bulk, the null sender, an alias expanded to
# a program that defers -- C lines and the A flag --, a delay warning
# after a queue run, a quarantined message, a long sender), and Tern
# queues one of its own (queuetool submit, with 8-bit bytes and a
# backslash in a long address).  Then:
#   (a) Tern's queue_parse + queue_format rewrite every control file:
#       byte for byte the same as sendmail's (the quarantined one, whose
#       q line sendmail's -Q inserts elsewhere, must print the same in
#       -bp), and the real "sendmail -bp" prints the same for the copy;
#       the real sendmail reads Tern's own message (-bp, and -Q rewrites
#       it) and Tern reads the result;
#   (b) "queuetool mailq" (queue_print) prints what the real "sendmail
#       -bp" prints, with -v, -qR/-qS/-qI selections and negations, the
#       quarantine queue (-qQ), the lost queue (-qL, a damaged qf the
#       real sendmail set aside), QueueSortOrder host/filename/time,
#       MinQueueAge marks, a locked message (flock) and MaxQueueRunSize;
#   (c) Tern's queue_run locks and reads every qf the real sendmail made
#       and sets none aside.
# Needs root, unshare, m4, flock, python3 and the reference binary;
# skips otherwise.
. "$TERN_LIB"
. "$TERN_TOP/test/lib_ns.sh"
LC_ALL=C
export LC_ALL

name=queue_real
ns_need "$name" m4 flock python3
tool=$TERN_OBJ/test/tools/queuetool
ns_tool "$name" "$tool"
t_reference

w=$TMPDIR/queue
mkdir -p "$w/out"
ns_refcf "$name" "$w/cf" </dev/null

ns_bs_client "$w/smtp.py"

# The part that runs inside the namespace: $1 work dir, $2 sendmail,
# $3 queuetool.  Results go to $1/out as NAME.real / NAME.tern pairs.
cat >"$w/inner.sh" <<'EOF'
w=$1 sm=$2 qt=$3
o=$w/out
hostname mta.example.org || exit 2
mount -t tmpfs -o mode=755 tmpfs /srv || exit 2
z=/usr/share/zoneinfo/America/New_York
[ -f "$z" ] && mount --bind "$z" /etc/localtime 2>/dev/null
unset TZ
s=/srv/w
mkdir -m 755 $s && mkdir -m 700 $s/q $s/q2 $s/e $s/l || exit 2
cp "$w/cf" $s/cf
printf 'tmpf: |"/bin/sh -c \\"exit 75\\""\ntmpf2: "|exit 75"\nlist: tmpf, tmpf2\n' >$s/aliases
SM() { "$sm" -C $s/cf -oA$s/aliases -oQ$s/q "$@"; }
SM -bi >/dev/null 2>&1
# a: the command line, two recipients the host map defers
echo "Subject: a" | SM -odq -f alice@example.com bob@example.com \
	carol@example.org
sleep 1
# b: ESMTP with DSN parameters, Precedence: bulk
python3 $w/smtp.py "$sm" -C $s/cf -oA$s/aliases -oQ$s/q -odq -bs <<'SMTP' >$o/smtp.log
MAIL FROM:<root> BODY=8BITMIME ENVID=env+2Bid RET=HDRS
RCPT TO:<root> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;orig+40x@example.org
RCPT TO:<postmaster> NOTIFY=NEVER
DATA
Subject: b\nPrecedence: bulk\n\nbody of b\n.
SMTP
sleep 1
# c: the null sender
python3 $w/smtp.py "$sm" -C $s/cf -oA$s/aliases -oQ$s/q -odq -bs <<'SMTP' >>$o/smtp.log
MAIL FROM:<>
RCPT TO:<root>
DATA
Subject: c\n\nbounce-like\nsecond line\n.
SMTP
sleep 1
# d: an alias to programs that defer, after one queue run (C, A, I, K, N)
echo "Subject: d" | SM -odq -f alice list carol@example.org
d=$(grep -l '^H??Subject: d$' $s/q/qf* | sed 's/.*qf//')
SM -v -qI$d >/dev/null 2>&1
sleep 1
# e: the same after Timeout.queuewarn (w flag, warning, a DSN queued)
echo "Subject: e" | SM -odq -f bob@example.com tmpf
e=$(grep -l '^H??Subject: e$' $s/q/qf* | sed 's/.*qf//')
sleep 2
SM -v -qI$e -O Timeout.queuewarn=1s >/dev/null 2>&1
sleep 1
# f: quarantined
echo "Subject: f" | SM -odq -f mallory@example.net dave@example.com
f=$(grep -l '^H??Subject: f$' $s/q/qf* | sed 's/.*qf//')
SM -qI$f -Q'spam detected by filter' >/dev/null 2>&1
sleep 1
# g: a long sender
echo "Subject: g" | SM -odq \
	-f averyveryverylongsenderaddressfortesting@sub.example.com root
sleep 1
# t: Tern's own, with 8-bit bytes and a backslash in a long address
printf 'Subject: t\n\nfrom Tern\n' | "$qt" submit $s/q tern@example.org \
	"$(printf 'caf\351-a-very-long-local-part-for-the-test\\\\x@example.com')" \
	tmpf 'Dave <dave@example.net>' >$o/tern-id ||
	echo "submit failed" >$o/tern-id
ls $s/q >$o/ls
# l: a damaged qf the real sendmail sets aside (Qf), in a queue of its own
echo "Subject: l" | "$sm" -C $s/cf -oQ$s/l -odq -f alice@example.com \
	bob@example.com
l=$(ls $s/l | sed -n 's/^qf//p')
sed 's/^N0$/X garbage/' $s/l/qf$l >$s/l/tmp && cat $s/l/tmp >$s/l/qf$l &&
	rm $s/l/tmp
"$sm" -C $s/cf -oQ$s/l -v -qI$l >/dev/null 2>&1
ls $s/l >$o/lost.real
printf 'Qf%s\ndf%s\n' $l $l >$o/lost.tern

# (a) round trip of every control file, and -bp over the copy
for f in $s/q/qf* $s/q/hf*; do
	b=${f##*/}
	"$qt" parse $f >$o/rt.$b.tern 2>&1
	cp $f $o/rt.$b.real
done
"$qt" copy $s/q $s/q2 2>$o/copy.err
SM -bp >$o/copy.real 2>&1
"$sm" -C $s/cf -oQ$s/q2 -bp 2>&1 | sed "s|$s/q2|$s/q|" >$o/copy.tern
SM -bp -qQ >$o/copyq.real 2>&1
"$sm" -C $s/cf -oQ$s/q2 -bp -qQ 2>&1 | sed "s|$s/q2|$s/q|" >$o/copyq.tern
# the real sendmail runs Tern's message (readqf, a delivery attempt,
# queueup) and Tern reads what it wrote
t=$(cat $o/tern-id)
"$sm" -C $s/cf -oA$s/aliases -oQ$s/q2 -v -qI$t >/dev/null 2>&1
ls $s/q2 | grep "$t" >$o/rerun.real
printf 'df%s\nqf%s\n' $t $t >$o/rerun.tern
"$qt" parse $s/q2/qf$t >$o/reread.qf 2>&1
grep -a -e '^N' -e '^R' $o/reread.qf | sed 's/^R[^:]*:.*/R:/' >$o/reread.tern
printf 'N1\nR:\nR:\nR:\n' >$o/reread.real

# (b) mailq
mq() {	# NAME, sendmail -bp options, then -- and queuetool options
	n=$1
	shift
	a=
	while [ "$1" != -- ]; do a="$a $1"; shift; done
	shift
	SM -bp $a >$o/mq.$n.real 2>&1
	"$qt" mailq "$@" $s/q >$o/mq.$n.tern 2>&1
}
mq plain -- 
mq verbose -v -- -v
mq rcpt -qRroot -- -qRroot
mq rcpt-case -qRPOSTM -- -qRPOSTM
mq not-rcpt '-q!Rroot' -- '-q!Rroot'
mq rcpt-or '-q!Rroot' -qRpostm -- '-q!Rroot' -qRpostm
mq sender -qSexample.com -- -qSexample.com
mq sender-and-rcpt -qSexample.com -qRcarol -- -qSexample.com -qRcarol
mq null-sender '-qS<>' -- '-qS<>'
mq not-sender '-q!Salice' -- '-q!Salice'
mq id -qI$e -- -qI$e
mq id-prefix -qIqf -- -qIqf
mq not-id "-q!I$e" -- "-q!I$e"
mq no-match -qRnobody.invalid -- -qRnobody.invalid
mq quarantine -qQ -- -qQ
mq quarantine-v -qQ -v -- -qQ -v
mq quarantine-reason -qQspam -- -qQspam
mq quarantine-other -qQham -- -qQham
mq sort-host -OQueueSortOrder=host -- -s h
mq sort-file -OQueueSortOrder=filename -- -s f
mq sort-time -OQueueSortOrder=time -- -s t
mq minqueueage -OMinQueueAge=1h -- -a 3600
mq minqueueage-v -OMinQueueAge=1h -v -- -a 3600 -v
"$sm" -C $s/cf -oQ$s/e -bp >$o/mq.empty.real 2>&1
"$qt" mailq $s/e >$o/mq.empty.tern 2>&1
flock -x $s/q/qf$e -c "'$sm' -C $s/cf -oQ$s/q -bp" >$o/mq.locked.real 2>&1
flock -x $s/q/qf$e -c "'$qt' mailq $s/q" >$o/mq.locked.tern 2>&1
SM -bp -OMaxQueueRunSize=2 2>&1 | head -n 1 >$o/mq.maxrun.real
"$qt" mailq -m 2 $s/q 2>&1 | head -n 1 >$o/mq.maxrun.tern
"$sm" -C $s/cf -oQ$s/l -bp -qL >$o/mq.lost.real 2>&1
"$qt" mailq -qL $s/l >$o/mq.lost.tern 2>&1

# Tern's queue runner reads every file sendmail made, loses none
"$qt" run $s/q >$o/run.out 2>&1
tail -n 1 $o/run.out >$o/run.tern
printf 'run=%s locked=0 young=0 lost=0\n' "$(grep -c '^qf' $o/ls)" >$o/run.real
EOF

unshare -u -m -n sh "$w/inner.sh" "$w" "$SMREF_BIN/sendmail" "$tool" \
	>"$w/inner.log" 2>&1
if [ ! -s "$w/out/ls" ]; then
	t_fail "$name: setup" "no queue was made"
	sed 's/^/#   /' "$w/inner.log" | head -n 20
	exit 0
fi
n=$(grep -c '^qf' "$w/out/ls")
if [ "$n" -lt 8 ] || ! grep -q '^hf' "$w/out/ls"; then
	t_fail "$name: setup" "expected 8 qf and an hf, got: $(tr '\n' ' ' <"$w/out/ls")"
fi

# (a)
for r in "$w"/out/rt.qf*.real; do
	b=${r##*/rt.}
	b=${b%.real}
	subj=$(sed -n 's/^H??Subject: //p' "$r")
	t_same "$name: round trip of qf (Subject: $subj)" "$r" "${r%.real}.tern"
done
for r in "$w"/out/rt.hf*.real; do
	# sendmail -Q puts the q line before S; queue_format where queueup
	# writes it: the same file apart from that line's place
	grep -av '^q' "$r" >"$r.noq"
	grep -av '^q' "${r%.real}.tern" >"$r.noq.tern"
	t_same "$name: round trip of the quarantined hf" "$r.noq" "$r.noq.tern"
	t_check "$name: the hf keeps its quarantine reason" \
		grep -aqx 'qspam detected by filter' "${r%.real}.tern"
done
t_check "$name: queuetool copy parsed every file" test ! -s "$w/out/copy.err"
t_same "$name: real -bp of the rewritten queue" "$w/out/copy.real" \
	"$w/out/copy.tern"
t_same "$name: real -bp -qQ of the rewritten queue" "$w/out/copyq.real" \
	"$w/out/copyq.tern"
t_same "$name: the real sendmail runs a Tern qf and keeps it" \
	"$w/out/rerun.real" "$w/out/rerun.tern"
t_same "$name: Tern reads sendmail's rewrite of a Tern qf" \
	"$w/out/reread.real" "$w/out/reread.tern"
t_same "$name: the real sendmail sets a damaged qf aside as Qf" \
	"$w/out/lost.real" "$w/out/lost.tern"
t_same "$name: Tern's queue_run reads every real qf" "$w/out/run.real" \
	"$w/out/run.tern"
t_check "$name: real -bp lists the Tern-made message" \
	grep -q "^$(cat "$w/out/tern-id")" "$w/out/copy.real"

# (b)
for r in "$w"/out/mq.*.real; do
	c=${r##*/mq.}
	c=${c%.real}
	t_same "$name: mailq $c" "$r" "${r%.real}.tern"
done
