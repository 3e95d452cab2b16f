#!/bin/sh
# submit_cases.sh -- command-line submissions (sendmail -bm, -t) into a
# fresh queue, run inside a private namespace (record.sh's): each case
# prints its messages and exit status, then the envelope lines of its qf
# (B F S Z A R r Q).  usage: submit_cases.sh SENDMAIL CF
sm=$1 cf=$2
hostname mta.example.org || exit 2
mount -t tmpfs -o mode=755 tmpfs /srv || exit 2
s=/srv/w
mkdir -m 755 $s
cp "$cf" $s/cf
n=0
sub() {	# INPUT, then the arguments
	n=$((n + 1))
	mkdir -m 700 $s/q$n
	echo "== case $n: $*"
	in=$1
	shift
	printf "$in" | "$sm" -C $s/cf -oQ$s/q$n -odq "$@" 2>&1
	echo "exit $?"
	for f in $s/q$n/qf*; do
		[ -f "$f" ] && grep -a '^[BFSZRrQA]' "$f"
	done
}
sub 'Subject: a\n\nbody\n' -f alice@example.com bob@example.com root
sub 'Subject: b\nTo: root, carol@example.org\nCc: dave@example.net\nBcc: eve@example.com\n\nbody\n' -t
sub 'Subject: c\nTo: root, carol@example.org\nCc: dave@example.net\n\nbody\n' -t carol@example.org
sub 'Subject: d\n\nbody\n' -t
sub 'Subject: f\n\nbody\n.\nafter\n' root
sub 'Subject: g\n\nbody\n.\nafter\n' -i -N success,delay -R hdrs -V myid -B 8BITMIME root
sub 'Subject: j\n\nb\351dy\n' -B 8BITMIME root
sub 'Subject: k\n\nbody\n' -B 7BIT root
sub 'Subject: l\nTo: root\n\nbody\n' -t frank@example.com
sub 'Subject: m\n\nbody\n' zed@b.example.com amy@a.example.com root bob@a.example.com
sub 'Subject: n\n\n..two dots\n.x\n' root
sub 'Subject: o\nTo: "A, B" <root>, (c) postmaster\n\nbody\n' -t
# an untrusted user sets the sender: no A line, X-Authentication-Warning
mkdir -m 1777 $s/qn
chmod 644 $s/cf
echo "== case nobody -f"
printf 'Subject: h\n\nbody\n' | su nobody -s /bin/sh -c \
	"$sm -C $s/cf -oQ$s/qn -odq -f fake@example.com root" 2>&1
echo "exit $?"
grep -a '^[BFSZRrQA]\|^H??X-Authentication-Warning: [^:]*: nobody set' \
	$s/qn/qf*
