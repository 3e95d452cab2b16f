#!/bin/sh
# record.sh -- the daemon's side of the SMTP server: each CASE.in of this
# folder (first line "#peer: ADDR [NAME]") is one connection from ADDR,
# to the real sendmail 8.17 daemon (-bd on 127.0.0.1:2525) to record
# CASE.real, or to Tern's smtp_drive -P ADDR -H NAME (what daemon.c
# hands smtp_serve) for CASE.tern.  In a private namespace: host name
# mta.example.org, loopback only (127.0.0.1-3), a tmpfs on /srv.
# usage: record.sh real|SMTP_DRIVE CF OUTDIR SUFFIX
here=$(cd "$(dirname "$0")" && pwd)
cat >"$3/inner.sh" <<'INNER'
here=$1 sm=$2 cf=$3 out=$4 suf=$5
hostname mta.example.org || exit 2
ip link set lo up
ip addr add 127.0.0.2/8 dev lo 2>/dev/null
ip addr add 127.0.0.3/8 dev lo 2>/dev/null
mount -t tmpfs -o mode=755 tmpfs /srv || exit 2
s=/srv/w
mkdir -m 755 $s && mkdir -m 700 $s/q || exit 2
cp "$cf" $s/cf
chat=$here/../../../smtp_chat.py
if [ "$suf" = real ]; then
	"$sm" -C $s/cf -oQ$s/q -odq -O PidFile=$s/pid \
		-O DaemonPortOptions=Port=2525,Addr=127.0.0.1,Name=MTA -bd
	sleep 1
fi
for c in "$here"/*.in; do
	n=$(basename "$c" .in)
	set -- $(sed -n '1s/^#peer: //p' "$c")
	rm -f $s/q/*
	if [ "$suf" = real ]; then
		grep -av '^#' "$c" | python3 "$chat" --tcp "$1" 2525
	else
		grep -av '^#' "$c" | python3 "$chat" "$sm" -C $s/cf -oQ$s/q \
			-odq -P "$1" ${2:+-H "$2"}
	fi >"$out/$n.$suf" 2>&1
	sleep 1
	for f in $s/q/qf*; do
		[ -f "$f" ] && sed 's/^/Q: /' "$f" >>"$out/$n.$suf"
	done
done
[ -f $s/pid ] && kill "$(head -n 1 $s/pid)"
INNER
sm=$1
[ "$sm" = real ] && sm=$SMREF_BIN/sendmail
unshare -u -m -n sh "$3/inner.sh" "$here" "$sm" "$2" "$3" "$4"
