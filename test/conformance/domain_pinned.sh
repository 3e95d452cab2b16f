# SPDX-License-Identifier: BSD-3-Clause
#
# domain_pinned.sh -- sendmail/domain.c side by side with sendmail 8.17:
# -bt's /canon and /mx and the host identity ($w $j $m $k), under several
# service switch files, in a private namespace (host name mta.example.org,
# /etc/hosts and nsswitch.conf pinned, no network).  The reference runs
# "sendmail -bt" on a tiny cf that sets HostsFile and ServiceSwitchFile;
# Tern runs test/tools/domain_bt with the same files.  Needs root, unshare
# and the reference binary; skips otherwise.
. "$TERN_LIB"

name=domain_pinned
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	t_skip "$name" "needs root and unshare for a private namespace"
	exit 0
fi
tool=$TERN_OBJ/test/tools/domain_bt
if [ ! -x "$tool" ]; then
	t_skip "$name" "test/tools/domain_bt is not built"
	exit 0
fi
t_reference

w=$TMPDIR/dom
mkdir -p "$w"
cat >"$w/etc-hosts" <<'EOF'
127.0.0.1	mta.example.org mta localhost
::1	localhost ip6-localhost ip6-loopback
192.0.2.10	www.example.com www
192.0.2.20	relay.example.net
192.0.2.50	mailhub.example.net mailhub
EOF
cat >"$w/hosts" <<'EOF'
10.1.1.1 alpha.example.org alpha al
10.1.1.2 beta betaalias
10.1.1.3 gamma g.example.com
# 10.1.1.4 delta
10.1.1.5 eps #eps2
10.2.2.3 dup.example.org other
10.2.2.4	nodot	later.dotted.net  x.y
127.0.0.1 mta.example.org mta localhost
::1 localhost ip6-localhost ip6-loopback
EOF
printf 'passwd: files\ngroup: files\nhosts: files\n' >"$w/nsswitch.conf"
printf 'hosts files\n' >"$w/sw.files"
printf 'hosts\tdns   files\n' >"$w/sw.dns"
printf 'hosts nis dns\n' >"$w/sw.nisdns"
printf '# no hosts line\naliases files\n' >"$w/sw.none"
printf 'hosts nis dns\nhosts files\n' >"$w/sw.twice"
cat >"$w/cases" <<'EOF'
$w
$j
$m
$k
/canon alpha
/canon al
/canon AL.example.org
/canon beta
/canon gamma
/canon g
/canon delta
/canon eps
/canon eps2
/canon al.example.org.
/canon al.example
/canon al.exam
/canon other
/canon nodot
/canon x.y
/canon mta
/canon mta.
/canon localhost
/canon ip6-localhost
/canon MTA.EXAMPLE.ORG
/canon 10.1.1.1
/canon [10.1.1.1]
/canon nonexistent.example.invalid
/mx alpha
/mx example.com
/mx [alpha]
/mx [beta]
/mx [nonexist]
/mx [10.1.1.1]
/mx [1.2.3]
/mx [IPv6:::1]
/mx [IPv6:::1
/mx []
/mx [255.255.255.255]
EOF
printf 'V10/Berkeley\nMlocal, P=/bin/true, A=true\n' >"$w/base.cf"
chmod -R go+rX "$w"

# inner: run one program in the namespace (called through unshare)
cat >"$w/inner.sh" <<'EOF'
w=$1; shift
hostname mta.example.org || exit 2
mount --bind "$w/etc-hosts" /etc/hosts || exit 2
mount --bind "$w/nsswitch.conf" /etc/nsswitch.conf || exit 2
exec "$@" <"$w/cases"
EOF

for sw in files dns nisdns none twice missing; do
	cf=$w/$sw.cf
	cp "$w/base.cf" "$cf"
	printf 'O ServiceSwitchFile=%s\nO HostsFile=%s\n' "$w/sw.$sw" \
	    "$w/hosts" >>"$cf"
	# the reference: drop the -bt banner and prompts and the warning
	# about the world-writable $TMPDIR
	timeout 60 unshare -u -m -n -- sh "$w/inner.sh" "$w" \
	    "$SMREF_BIN/sendmail" -bt -C "$cf" 2>&1 |
	    sed -e 's/^\(> \)*//' -e '/^ADDRESS TEST MODE/d' \
	    -e '/^Enter <ruleset>/d' -e '/^WARNING: World writable/d' \
	    -e '/^$/d' >"$w/$sw.real"
	timeout 60 unshare -u -m -n -- sh "$w/inner.sh" "$w" \
	    "$tool" "$w/hosts" "$w/sw.$sw" >"$w/$sw.tern" 2>&1
	if [ ! -s "$w/$sw.real" ]; then
		t_fail "domain: switch $sw" "the reference printed nothing"
		continue
	fi
	t_same "domain: /canon, /mx, \$w \$j \$m \$k with switch $sw" \
	    "$w/$sw.real" "$w/$sw.tern"
done
