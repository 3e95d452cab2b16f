#!/bin/sh
# record.sh -- run each CASE.in of this folder against a sendmail -bs (the
# real 8.17 to record CASE.real, or Tern's smtp_drive) in a private
# namespace: host name mta.example.org, no network, a tmpfs on /srv.
# usage: record.sh SENDMAIL CF OUTDIR SUFFIX [CASE...]
# A case's first line may be "#opts: -O Name=value ..." (more options);
# lines "#aliases: name: value" add to the aliases file of that case; a
# line "#noaliases" removes it (the alias database unavailable).
# Needs root and unshare.
here=$(cd "$(dirname "$0")" && pwd)
sm=$1 cf=$2 out=$3 suf=$4
shift 4
[ $# -gt 0 ] || set -- "$here"/*.in
cat >"$out/inner.sh" <<'INNER'
here=$1 sm=$2 cf=$3 out=$4 suf=$5
shift 5
hostname mta.example.org || exit 2
mount -t tmpfs -o mode=755 tmpfs /srv || exit 2
for c in "$@"; do
	n=$(basename "$c" .in)
	s=/srv/$n
	mkdir -m 755 $s && mkdir -m 700 $s/q || exit 2
	cp "$cf" $s/cf
	cp "$here/../../../../cf/helpfile" $s/helpfile 2>/dev/null
	printf 'postmaster: root\nlist: root, nobody\n' >$s/aliases
	sed -n 's/^#aliases: //p' "$c" >>$s/aliases
	opts=$(sed -n '1s/^#opts: //p' "$c")
	"$sm" -C $s/cf -oA$s/aliases -bi >/dev/null 2>&1
	if grep -q '^#noaliases' "$c"; then
		rm -f $s/aliases $s/aliases.db
	fi
	# shellcheck disable=SC2086
	grep -av '^#opts:\|^#aliases:\|^#noaliases' "$c" | python3 "$here/../../smtp_chat.py" "$sm" \
		-C $s/cf -oA$s/aliases -oQ$s/q -oH$s/helpfile -odq $opts -bs \
		>"$out/$n.$suf" 2>&1
	for f in $s/q/qf*; do
		[ -f "$f" ] && sed 's/^/Q: /' "$f" >>"$out/$n.$suf"
	done
done
INNER
unshare -u -m -n sh "$out/inner.sh" "$here" "$sm" "$cf" "$out" "$suf" "$@"
