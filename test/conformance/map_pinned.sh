# SPDX-License-Identifier: BSD-3-Clause
#
# map_pinned.sh -- sendmail/map*.c side by side with sendmail 8.17: the
# same K lines (text, regex, dequote, arith, macro, user, arpa, null,
# syslog, sequence, switch, program, host, nis, ldap, hash and btree maps
# built by the real makemap, AliasFile) and the same -bt "/map" commands,
# in a private namespace (host name mta.example.org, /etc/hosts and
# nsswitch.conf pinned, no network).  The reference runs "sendmail -bt";
# Tern runs test/tools/map_bt on the same cf.  Needs root, unshare and the
# reference binary; skips otherwise.
. "$TERN_LIB"

name=map_pinned
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	t_skip "$name" "needs root and unshare for a private namespace"
	exit 0
fi
tool=$TERN_OBJ/test/tools/map_bt
if [ ! -x "$tool" ]; then
	t_skip "$name" "test/tools/map_bt is not built"
	exit 0
fi
t_reference

w=$TMPDIR/map
mkdir -p "$w"
cat >"$w/etc-hosts" <<'EOF'
127.0.0.1	mta.example.org mta localhost
::1	localhost ip6-localhost ip6-loopback
192.0.2.10	www.example.com www
192.0.2.50	mailhub.example.net mailhub
EOF
printf 'passwd: files\ngroup: files\nhosts: files\n' >"$w/nsswitch.conf"
printf 'hosts files\naliases files nis\nfoo text nis\nbar hash\n' >"$w/sw"
printf '# comment\nalice\tAlice Smith\nbob   Bob Jones\tx\nCarol Carol:Third:col\nkey%%s val%%1-%%2-%%0-%%3\n\ndup one\ndup two\n' >"$w/txt1"
printf 'a:b:c:d\nx:y:z\nFOO:bar\n' >"$w/txt2"
printf '  lead  val1\nk2\nk3 v3a   v3b\na::c:d\n:x:y\nk4 v4 #c\n#k5 v5\n k6\tv6\nK7 V7\r\nk8\nend nl' >"$w/tx3"
printf 'k1 val%%1-%%2-%%0-%%3\nk2 a%%%%b\nk3 a%%sb\nk4 100%%\nk5 %%9end\nk6 a%%xb%%\nk7 x%%0y\n' >"$w/vals"
printf 'a%%%%b v\na%%1b v\nab%% v\n' >"$w/pct"
printf 'root alice\n' >"$w/al4"
printf 'root alice\n@ @\n' >"$w/al5"
printf '#!/bin/sh\necho "arg1=$1 arg2=$2 argc=$#"\necho second\n' >"$w/prog.sh"
printf '#!/bin/sh\nexit 3\n' >"$w/prog2.sh"
chmod 755 "$w/prog.sh" "$w/prog2.sh"
mm=$SMREF_BIN/makemap
"$mm" -C /dev/null hash "$w/vals" <"$w/vals" 2>/dev/null &&
"$mm" -C /dev/null -N hash "$w/valsN" <"$w/vals" 2>/dev/null &&
"$mm" -C /dev/null btree "$w/valsbt" <"$w/vals" 2>/dev/null &&
"$mm" -C /dev/null -f hash "$w/valsF" <"$w/txt1" 2>/dev/null
"$mm" -C /dev/null hash "$w/al4" <"$w/al4" 2>/dev/null &&
"$mm" -C /dev/null -N hash "$w/al5" <"$w/al5" 2>/dev/null ||
	t_fail "$name: makemap" "the reference makemap failed"
echo garbage >"$w/bad.db"

# the cf: K lines first, so that line numbers agree
cat >"$w/cf" <<EOF
Kt1 text $w/txt1
Kt2 text -z: -k1 -v3 $w/txt2
Kt3 text -z: -v2 $w/txt2
Kt7 text -a.APP $w/txt1
Kt8 text -k 1 -v 0 $w/txt1
Kx1 text -v1 $w/tx3
Kx2 text -v2 $w/tx3
Kx4 text -z: -k1 -v0 $w/tx3
Kx10 text -kx -vy $w/tx3
Kv text -v1 $w/vals
Kq text$w/txt1
Kmiss text $w/nothere
Ktnf text
Kbad text -Y -v1 $w/vals
Kr1 regex ^[a-z]+@example\.com$
Kr5 regex -s1 ^([a-z]+)@([a-z.]+)$
Kr6 regex -s2,1 ^([a-z]+)@([a-z.]+)$
Kr7 regex -s1,2 -d+ ^([a-z]+)@([a-z.]+)$
Kr9 regex -m -a! ^x
Kr12 regex (unclosed
Kr16 regex -s ^(ab)c
Kr17 regex -s1,2 ^(a)
Kp1 regex -s1 ^(.*)$
Kd dequote
KdS dequote -S_
Kd2 dequote -a! -S_
Karith arith
Kmacro macro
Kar arpa
Kn null
Ksy syslog -L err
Ksy4 syslog -L 3
Ku user
Ku2 user -v uid
Ku3 user -v6
Ks1 sequence t1 v
Ks3 sequence miss t1
Ks5 sequence nosuch t1
Ksw1.text text -v1 $w/txt1
Ksw1 switch foo
Ksw2 switch bar
Ksw3 switch nonesuch
Kpr1 program $w/prog.sh
Kpr2 program $w/prog.sh -x yy
Kpr3 program $w/prog2.sh
Kpr9 program /nonexist/prog
Kresolve host -a<OKR> -T<TEMP>
Knis1 nis mail.aliases
Kq2 regex -s1:2 ^(a)(b)c
Kq5 regex -d:: -s1,2 ^(a)(b)c
Kq7 regex -s1,,2 ^(a)(b)c
Kq9 regex -s1, ^(a)(b)c
Kq11 regex -s-1 ^(a)(b)c
Kq18 regex -f -n -b ^A\(b\)
Kq19 regex -s1,2 -dXY ^(a)(b)c
Kq20 regex -d ^x
Kq21 regex -x foo
Kd1 dequote -D -a!
Kd3 dequote -S_ -a!
Kar2 arpa -a!
Ku7 user -vbogus
Ku13 user -vUID
Kx5 text -v1 -k5 $w/tx3
Kx6 text -z\t -v1 $w/tx3
Ksy5 syslog -x
Kldo ldap -o -k uid=%0
Kld ldap -k uid=%0 -h "a b"
Knp nisplus mail_aliases.org_dir
Kud userdb /etc/mail/userdb
Kdns1 dns -RBOGUS
Kdns2 dns -RA
Kbm bestmx
Kbm2 bestmx -x
Kpct text -m $w/pct
Kseq2 sequence -a! t1
Kdup text -v1 $w/vals
Kdup text $w/vals
Kh hash $w/vals
KhN hash $w/valsN
KhNO hash -O $w/valsN
KhF hash $w/valsF
KhFf hash -f $w/valsF
Khm hash -m -a! $w/vals.db
Kb1 hash $w/bad
Kb3 btree $w/vals
Kb4 hash $w/valsbt
Kb5 btree $w/valsbt
Kb9 hash /nonexist/map
Kb14 hash -o $w/bad
Kim implicit $w/vals
Kim2 implicit $w/nothere
Kfoo-x text $w/txt1
K_foo text $w/txt1
Kname
Kdb dbm $w/vals
O AliasFile=$w/al4,$w/al5,regex:^a,$w/nothere
O ServiceSwitchFile=$w/sw
O DontBlameSendmail=MapInUnsafeDirPath
V10/Berkeley
Mlocal, P=/bin/true, A=true
EOF
cat >"$w/cases" <<'EOF'
/map
/map x
/map nosuchmap key
/map t1 alice
/map t1 ALICE
/map t1 carol
/map t1 key%s
/map t1 dup
/map t1 nothere
/map t1  carol
/map T1 bob
/map t2 b
/map t3 a
/map t7 alice
/map t8 Alice
/map x1 lead
/map x1 k2
/map x2 k3
/map x1 k6
/map x1 k7
/map x1 end
/map x4 x
/map x10 lead
/map v k1
/map v k2
/map v k3
/map v k4
/map v k5
/map v k6
/map v k7
/map q k1
/map miss x
/map miss x
/map tnf x
/map bad k1
/map r1 joe@example.com
/map r1 joe@example.org
/map r5 joe@h.x
/map r6 joe@h.x
/map r7 joe@h.x
/map r9 xyz
/map r12 x
/map r16 abc
/map r17 a
/map p1 a b
/map p1 <a>
/map p1 "a
/map d "quoted"
/map d plain
/map d "a b" c
/map d "a"(x)
/map d ("a")
/map d "<a>"
/map dS "a b"
/map d2 "x"
/map arith + 1 2
/map arith
/map macro x
/map macro {ab
/map ar 192.0.2.1
/map ar IPv6:2001:db8::1
/map ar 10.1.2
/map n x
/map sy hello
/map sy4 x
/map u root
/map u nosuchuser
/map u2 root
/map u3 root
/map s1 alice
/map s1 k1
/map s1 zz
/map s3 alice
/map s3 zz
/map s5 alice
/map sw1 alice
/map sw2 alice
/map sw3 alice
/map pr1 Key
/map pr2 a b
/map pr3 x
/map pr9 x
/map host www
/map host www.example.com.
/map host nonexist
/map host mta.example.org
/map host [127.0.0.1]x
/map host [127.0.0.1
/map host [127.1]
/map host [127.0.0.1]]
/map host [IPv6:::1]x
/map host [ipv6:::1]
/map host [IPv6::1]
/map host [0x7f.0.0.1]
/map host [ 127.0.0.1]
/map host []
/map host [192.0.2.10]
/map host [::1]
/map host [IPv6:::ffff:127.0.0.1]
/map host [www]
/map host [1.2.3]
/map host [255.255.255.255]
/map resolve www.example.com
/map resolve nonexistent.invalid
/map nis1 x
/map nis1 x
/map q2 abc
/map q5 abc
/map q7 abc
/map q9 abc
/map q11 abc
/map q18 Ab
/map q18 ab
/map q19 abc
/map q20 x
/map q20 ^x
/map q21 foo
/map d1 "a b"
/map d1 "x"
/map d3 "a b"
/map d3 "x"
/map d \\"a\\"
/map d "a\\"b"
/map d ")"
/map d "%1"
/map ar2 192.0.2.1
/map ar IPv6:::ffff:1.2.3.4
/map ar 1.2.3.04
/map ar ::1
/map u7 root
/map u13 root
/map x5 k2
/map x6 k6
/map sy5 x
/map ldo x
/map ld x
/map np x
/map ud x
/map dns1 x
/map dns2 www.example.com
/map bm example.com
/map bm2 x
/map pct a%%b
/map pct a%1b
/map seq2 alice
/map dup k1
/map DUP k1
/map h k1
/map h K1
/map h zz
/map hN k2
/map hNO k2
/map hF alice
/map hF Carol
/map hFf Carol
/map hm K1
/map b1 x
/map b3 k1
/map b4 k1
/map b5 k1
/map b9 x
/map b14 x
/map im K2
/map im2 x
/map foo x
/map Alias0 root
/map Alias1 root
/map Alias1 @
/map Alias2 root
/map aliases.files root
/map aliases root
/map Alias3 x
/map Alias3 x
EOF
chmod -R go+rX "$w"

cat >"$w/inner.sh" <<'EOF'
w=$1; shift
hostname mta.example.org || exit 2
mount --bind "$w/etc-hosts" /etc/hosts || exit 2
mount --bind "$w/nsswitch.conf" /etc/nsswitch.conf || exit 2
cd / && exec "$@" <"$w/cases"
EOF

# both: no banner, no prompts, no warnings about the world-writable $TMPDIR
clean() {
	sed -z -e 's/WARNING: World writable directory [^\n]*\n//g' |
	    sed -e 's/^\(> \)*//' -e '/^ADDRESS TEST MODE/d' \
	    -e '/^Enter <ruleset>/d' -e '/^$/d'
}
timeout 120 unshare -u -m -n -- sh "$w/inner.sh" "$w" \
    "$SMREF_BIN/sendmail" -bt -C "$w/cf" 2>&1 | clean >"$w/real"
timeout 120 unshare -u -m -n -- sh "$w/inner.sh" "$w" "$tool" "$w/cf" \
    2>&1 | clean >"$w/tern"
if [ ! -s "$w/real" ]; then
	t_fail "$name" "the reference printed nothing"
	exit 0
fi
t_same "map: K line messages and /map output as sendmail 8.17" \
    "$w/real" "$w/tern"
