#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# praliases.sh -- Tern's praliases and aliases database (sendmail/aliasdb.c
# through test/tools/aliasdbtool) side by side with sendmail 8.17's
# praliases and newaliases (sendmail -bi).
#
#  1. newaliases: the real sendmail -bi and aliasdbtool build the database
#     of the same aliases text (plain, -N, -A, btree; continuations,
#     errors, long lines, junk); their messages, exit statuses and the
#     stored bytes (NULs included) must be the same.
#  2. praliases: the real one and Tern's print the same for every
#     database (built by either side), whole or by keys, from -f or from
#     the cf's AliasFile lists, and for bad specs and damaged files.
# Expected values are always what the real programs print.
. "$TERN_LIB"
t_reference

RP=$SMREF_BIN/praliases
TP=$TERN_BIN/praliases
RM=$SMREF_BIN/makemap
TOOL=$TERN_OBJ/test/tools/aliasdbtool
DBTOOL=$TERN_OBJ/test/tools/dbtool
W=$TMPDIR/pa
mkdir -p "$W/r" "$W/t" || exit 1
W=$(cd "$W" && pwd -P)
umask 022
LC_ALL=C
export LC_ALL
: >"$W/empty.cf"
for p in "$TP" "$TOOL" "$DBTOOL"; do
	[ -x "$p" ] || { t_fail praliases "no $p"; exit 1; }
done

# raw TYPE FILE: every stored pair, bytes as stored (NULs shown), sorted
raw() {
	"$DBTOOL" dump -O "$1" "$2" 2>&1 | od -An -c | tr -s ' ' | tr -d '\n' |
	    sed 's/\\n/\n/g' | sort
}

# ---- 1. newaliases ----------------------------------------------------------
HAVE_BI=yes
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	HAVE_BI=no
fi

# real_bi SPEC: the real sendmail -bi for one AliasFile spec
real_bi() {
	cat >"$W/bi.cf" <<EOF
V10
O AliasFile=$1
O QueueDirectory=$W
O DontBlameSendmail=MapInUnsafeDirPath,TrustStickyBit,WorldWritableAliasFile,GroupWritableAliasFile
Djtern-test.example
Mlocal, P=/bin/true, F=lsDFMA:|/, A=local \$u
Mprog, P=/bin/sh, F=lsDFMA, A=sh -c \$u
S0
R\$+	\$#local \$: \$1
EOF
	unshare -u sh -c 'hostname tern-test.example &&
	    exec "$1" -C "$2" -bi' sh "$SMREF_BIN/sendmail" "$W/bi.cf"
}

# bi NAME TEXTFILE TYPE FLAGS: both newaliases on a copy each, compared
bi() {
	_n=$1 _ty=$3 _fl=$4
	if [ $HAVE_BI = no ]; then
		t_skip "newaliases: $_n" "needs root and unshare"
		return
	fi
	for d in r t; do
		rm -f "$W/$d/aliases" "$W/$d/aliases.db"
		[ -f "$2" ] && cp "$2" "$W/$d/aliases"
	done
	real_bi "$_ty:$_fl $W/r/aliases" >"$W/r.out" 2>&1
	echo "rc=$?" >>"$W/r.out"
	"$TOOL" "$_ty:$_fl $W/t/aliases" >"$W/t.out" 2>&1
	echo "rc=$?" >>"$W/t.out"
	sed "s|$W/r/|DIR/|g" "$W/r.out" >"$W/want"
	sed "s|$W/t/|DIR/|g" "$W/t.out" >"$W/got"
	if ! cmp -s "$W/want" "$W/got"; then
		t_fail "newaliases: $_n" "messages differ"
		diff "$W/want" "$W/got" | head -n 10 | sed 's/^/#   /'
		return
	fi
	if [ -f "$W/r/aliases.db" ]; then
		raw "$_ty" "$W/r/aliases.db" >"$W/want"
		raw "$_ty" "$W/t/aliases.db" >"$W/got"
		t_same "newaliases: $_n" "$W/want" "$W/got"
	elif [ -f "$W/t/aliases.db" ]; then
		t_fail "newaliases: $_n" "tern made a database, the real one not"
	else
		t_ok "newaliases: $_n"
	fi
}

A=$W/in
mkdir -p "$A"
cat >"$A/sample" <<'EOF'
# The usual aliases
Postmaster: root
MAILER-DAEMON:	postmaster
list: "|/bin/cat",
	user1, user2
  , user3
Info: /var/spool/info
dup: a
Dup: b
nocolon line
empty:
blank:    
spaces  :  x  
incl: :include:/etc/mail/list.txt
UPPER: Lower
  leading: x
z: a\
b
w: 1\
	2
last: no newline at the end
EOF
printf 'last: x' >>"$A/sample"
printf '  first line starts with space\na: b\n# comment\n  cont of comment\n\n  after blank\n  again\nb: c\n' >"$A/spaces"
awk 'BEGIN { printf "big: "; for (i = 0; i < 9000; i++) printf "x";
	printf "\n  , more\nok: y\n";
	printf "fits: "; for (i = 0; i < 8185; i++) printf "y"; printf "\n";
	printf "over: "; for (i = 0; i < 8186; i++) printf "z"; printf "\n";
	printf "after: w\n" }' >"$A/long"
printf 'a: b\r\nc: d\r\n' >"$A/crlf"
: >"$A/empty"
head -c 4000 /dev/urandom | tr -d '\000' >"$A/junk"
printf 'a: one\nb: two\na: three\nB: four\n' >"$A/dups"

for ty in hash btree; do
	bi "$ty: a typical aliases file" "$A/sample" "$ty" ""
	bi "$ty -N: a typical aliases file" "$A/sample" "$ty" "-N"
	bi "$ty -A: duplicates appended" "$A/dups" "$ty" "-A"
	bi "$ty: duplicates replaced" "$A/dups" "$ty" ""
	bi "$ty: lines starting with space" "$A/spaces" "$ty" ""
	bi "$ty: logical lines of 8192 bytes and more" "$A/long" "$ty" ""
	bi "$ty: CR LF line ends" "$A/crlf" "$ty" ""
	bi "$ty: an empty file" "$A/empty" "$ty" ""
done
# Junk: the real -bi's address parser rejects names Tern's test tool takes
# as written (that check is the MTA's hook); here: no crash, a database.
"$TOOL" "hash:$A/junk" >/dev/null 2>&1
t_check "newaliases: binary junk gives a database (status 0 or 70)" \
    sh -c '[ -f "$1.db" ] && "$2" -C "$3" -f "$1" >/dev/null' sh "$A/junk" \
    "$TP" "$W/empty.cf"
bi "implicit: hash" "$A/sample" implicit ""
bi "a missing aliases file" "$A/nosuch" hash ""

# ---- 2. praliases ------------------------------------------------------------
# the databases: real makemap, real newaliases, tern aliasdbtool
D=$W/db
mkdir -p "$D"
printf '@ @\nroot admin\nPostmaster root\nlist a, b, c\n' >"$D/pairs"
(cd "$D" && "$RM" -C "$W/empty.cf" hash mk <pairs &&
    "$RM" -C "$W/empty.cf" -N hash mkn <pairs &&
    "$RM" -C "$W/empty.cf" btree mkb <pairs &&
    "$RM" -C "$W/empty.cf" -N -f btree mkbn <pairs)
cp "$A/sample" "$D/ta"
cp "$A/sample" "$D/tan"
"$TOOL" "hash:$D/ta" "btree:-N $D/tan" >/dev/null
if [ $HAVE_BI = yes ]; then
	cp "$A/sample" "$D/ra"
	real_bi "hash:$D/ra" >/dev/null 2>&1
fi
head -c 5000 "$D/ta.db" >"$D/trunc.db"
head -c 3000 /dev/urandom >"$D/junk.db"
: >"$D/zero.db"

# pa NAME ARGS...: both praliases in $D, output and status compared
pa() {
	_n=$1
	shift
	(cd "$D" && "$RP" "$@" >"$W/r.o" 2>"$W/r.e"; echo "rc=$?" >>"$W/r.o")
	(cd "$D" && "$TP" "$@" >"$W/t.o" 2>"$W/t.e"; echo "rc=$?" >>"$W/t.o")
	sed 's|^[^ ]*/praliases: |praliases: |' "$W/r.e" >>"$W/r.o"
	sed 's|^[^ ]*/praliases: |praliases: |' "$W/t.e" >>"$W/t.o"
	t_same "praliases: $_n" "$W/r.o" "$W/t.o"
}

K="root Root postmaster POSTMASTER list @ nobody"
for db in mk mkn mkb mkbn ta tan ra; do
	[ -f "$D/$db.db" ] || { t_skip "praliases: $db" "not built"; continue; }
	pa "$db: all" -C "$W/empty.cf" -f "$db"
	# shellcheck disable=SC2086
	pa "$db: keys" -C "$W/empty.cf" -f "$db" $K
done
pa "hash: explicit type" -C "$W/empty.cf" -f hash:mk root
pa "btree: explicit type" -C "$W/empty.cf" -f btree:mkb root
pa "a hash file as btree" -C "$W/empty.cf" -f btree:mk
pa "a btree file as hash" -C "$W/empty.cf" -f hash:mkb
pa "flags before the name" -C "$W/empty.cf" -f 'hash:-N -A mkn' root
pa "name with .db" -C "$W/empty.cf" -f mk.db
pa "a missing file" -C "$W/empty.cf" -f nosuch
pa "a missing file, typed" -C "$W/empty.cf" -f hash:nosuch
pa "a non-file type" -C "$W/empty.cf" -f text:mk
pa "implicit is not read" -C "$W/empty.cf" -f implicit:mk
pa "dbm is not read" -C "$W/empty.cf" -f dbm:mk
pa "an empty type" -C "$W/empty.cf" -f :mk
pa "an empty name" -C "$W/empty.cf" -f 'hash:'
pa "a truncated file" -C "$W/empty.cf" -f trunc
pa "a truncated file, typed" -C "$W/empty.cf" -f hash:trunc
pa "junk" -C "$W/empty.cf" -f junk
pa "an empty file" -C "$W/empty.cf" -f zero
pa "options after keys" -C "$W/empty.cf" -f mk root -- list
pa "usage" -C "$W/empty.cf" -x
cat >"$D/list.cf" <<'EOF'
V10
O AliasFile=hash:mk, btree:mkb,text:/x , mkn
O   AliasFile=mk
OAmkbn
O AliasFiles=mk
O aliasfile = hash:"odd,name", -N mkn
EOF
pa "the cf's AliasFile lists" -C list.cf
pa "the cf's AliasFile lists, keys" -C list.cf root list nobody
pa "a missing cf" -C nosuch.cf
awk 'BEGIN { printf "O AliasFile="; for (i = 0; i < 3000; i++) printf "a";
	printf "\n" }' >"$D/long.cf"
pa "a long AliasFile line" -C long.cf
exit 0
