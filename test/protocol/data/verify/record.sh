#!/bin/sh
# record.sh -- "sendmail -bv" for each line of cases (shell words: the
# arguments after -bv) with the aliases and inc.txt of this folder, in a
# private namespace (host name mta.example.org, no network, so host
# lookups defer; a tmpfs on /srv), printing "== ARGS", the output and
# "exit N" per case.  The real sendmail 8.17 recorded verify.real; Tern's
# output is compared with it by test/protocol/verify.sh.
# usage: record.sh SENDMAIL CF    (needs root and unshare)
here=$(cd "$(dirname "$0")" && pwd)
cat >"${TMPDIR:-/tmp}/verify_inner.$$" <<'INNER'
here=$1 sm=$2 cf=$3
hostname mta.example.org || exit 2
mount -t tmpfs -o mode=755 tmpfs /srv || exit 2
s=/srv/x
mkdir -m 755 $s && mkdir -m 700 $s/q || exit 2
cp "$cf" $s/cf && cp "$here/aliases" "$here/inc.txt" $s/ || exit 2
"$sm" -C $s/cf -oA$s/aliases -bi >/dev/null 2>&1
cd $s || exit 2
while IFS= read -r line; do
	echo "== $line"
	eval "set -- $line"
	"$sm" -C $s/cf -oA$s/aliases -oQ$s/q -bv "$@" 2>&1
	echo "exit $?"
done <"$here/cases"
INNER
unshare -u -m -n sh "${TMPDIR:-/tmp}/verify_inner.$$" "$here" "$1" "$2"
st=$?
rm -f "${TMPDIR:-/tmp}/verify_inner.$$"
exit $st
