#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# makemap.sh -- Tern's makemap side by side with sendmail 8.17's.
#
# Every case runs the real makemap and Tern's with the same arguments and
# input, each in its own directory, and compares what they print (stdout,
# stderr with the program's path cut, exit status) and the map they leave
# (dumped by the REAL makemap -u; hash maps sorted).  Then each reads the
# other's maps (-u), modes and owners are compared, and bad map files
# (junk, truncated, empty, the wrong type) must give the real program's
# message and status.  Expected values are always the real program's.
. "$TERN_LIB"
t_reference

RM=$SMREF_BIN/makemap
TM=$TERN_BIN/makemap
W=$TMPDIR/mm
mkdir -p "$W/r" "$W/t" || exit 1
umask 022
LC_ALL=C
export LC_ALL
: >"$W/empty.cf"
[ -x "$TM" ] || { t_fail makemap "no $TM"; exit 1; }

# run WHO DIR ARGS... <input: run one makemap in DIR, record out/err/rc
run() {
	_bin=$1 _d=$2
	shift 2
	(cd "$_d" && "$_bin" "$@" >out 2>err.raw; echo "rc=$?" >rc)
	sed 's|^[^ ]*/makemap: |makemap: |' "$_d/err.raw" >"$_d/err"
}

# dump DIR TYPE MAP: the map as the real makemap -u prints it
dump() {
	(cd "$1" && "$RM" -C "$W/empty.cf" -u "$2" "$3" 2>&1; echo "rc=$?") |
	    if [ "$2" = btree ]; then cat; else sort; fi
}

# cmp_nonempty NAME WANT GOT: t_same, and WANT must hold something
cmp_nonempty() {
	if [ -s "$2" ]; then t_same "$@"; else t_fail "$1" "nothing to compare"; fi
}

# same NAME: compare what the two runs printed; 0 when the same
same() {
	for f in out err rc; do
		if ! cmp -s "$W/r/$f" "$W/t/$f"; then
			t_fail "$1" "$f differs"
			diff "$W/r/$f" "$W/t/$f" | head -n 10 | sed 's/^/#   /'
			return 1
		fi
	done
}

# mm_args NAME INPUT ARGS...: both makemaps with exactly ARGS
mm_args() {
	_n=$1 _in=$2
	shift 2
	run "$RM" "$W/r" "$@" <"$_in"
	run "$TM" "$W/t" "$@" <"$_in"
	same "$_n" && t_ok "$_n"
}

# mm NAME INPUT TYPE MAP ARGS...: both makemaps, everything compared
mm() {
	_n=$1 _in=$2 _ty=$3 _map=$4
	shift 4
	# KEEPDB=1: the cases about files set up before
	[ -n "${KEEPDB:-}" ] || rm -rf "$W"/r/*.db "$W"/t/*.db
	run "$RM" "$W/r" -C "$W/empty.cf" "$@" "$_ty" "$_map" <"$_in"
	run "$TM" "$W/t" -C "$W/empty.cf" "$@" "$_ty" "$_map" <"$_in"
	same "$_n" || return
	# DT=TYPE: the type the map ends up with (for cf and CF)
	_ty=${DT:-$_ty}
	case $_ty in hash|btree|implicit) ;; *) t_ok "$_n"; return ;; esac
	[ "$_ty" = implicit ] && _ty=hash
	dump "$W/r" "$_ty" "$_map" >"$W/r.dump"
	dump "$W/t" "$_ty" "$_map" >"$W/t.dump"
	t_same "$_n" "$W/r.dump" "$W/t.dump"
}

# ---- inputs ---------------------------------------------------------------
I=$W/in
mkdir -p "$I"
{
	printf 'Postmaster\troot\n'
	printf 'MiXeD.Case@Example.COM\tRelay:[mx.example.com]\n'
	printf 'Caf\303\251@Example.ORG\tUTF-8 key, only ASCII folds\n'
	printf 'spaces   value with  two  spaces and trailing  \n'
	printf 'percent\t%%1@%%2 100%%%%\n'
	printf '# a comment\n\n'
	printf 'crlf\tvalue\r\n'
	printf '@example.com\terror:5.1.1:550 User unknown\n'
	awk 'BEGIN { for (i = 0; i < 400; i++)
		printf "Key%04d.Example\tvalue-%d\n", i, i * 7 }'
} >"$I/good"
printf 'a\tb\n  leading\tspace\nnorhs\n\tx y\nnorhs2 \t \nK2 v2\n' >"$I/bad"
printf 'a:b\nc: d\n;comment\n#x:y\n  sp:v\ne::f\n' >"$I/colon"
printf 'A v1\na v2\nB x\nb y\nA v3\n' >"$I/dups"
printf 'a\0b v1\nc v\0x\nd v3\ne v4' >"$I/nul"
awk 'BEGIN { printf "long\t"; for (i = 0; i < 1100; i++) printf "x";
	printf "\nshort v\n";
	printf "exact\t"; for (i = 0; i < 1017; i++) printf "y"; printf "\n";
	printf "over\t"; for (i = 0; i < 1018; i++) printf "z"; printf "\n";
	printf "last v\n" }' >"$I/long"
awk 'BEGIN { printf "tail\t"; for (i = 0; i < 1018; i++) printf "q" }' \
    >"$I/longeof"
printf 'noeol value' >"$I/noeol"
: >"$I/none"
head -c 3000 /dev/urandom >"$I/junk"
printf 'k v\n' >"$I/one"

# ---- building -------------------------------------------------------------
for ty in hash btree; do
	for fl in "" "-N" "-f" "-N -f" "-e" "-r" "-d" "-v"; do
		# shellcheck disable=SC2086
		mm "$ty ${fl:-plain}: good input" "$I/good" "$ty" m $fl
	done
	mm "$ty: bad lines (leading space, no RHS)" "$I/bad" "$ty" m
	mm "$ty -e: bad lines" "$I/bad" "$ty" m -e
	mm "$ty -t: delimiter" "$I/colon" "$ty" m -t :
	mm "$ty -t -D: delimiter and comment" "$I/colon" "$ty" m -t : -D ';'
	mm "$ty -D empty: no comments" "$I/colon" "$ty" m -D ''
	mm "$ty: duplicates refused" "$I/dups" "$ty" m
	mm "$ty -r: duplicates replace" "$I/dups" "$ty" m -r
	mm "$ty -d: duplicates kept" "$I/dups" "$ty" m -d
	mm "$ty -f: duplicates by case" "$I/dups" "$ty" m -f
	mm "$ty: NUL bytes in lines" "$I/nul" "$ty" m
	mm "$ty: lines of 1024 bytes and more" "$I/long" "$ty" m
	mm "$ty: a long last line without newline" "$I/longeof" "$ty" m
	mm "$ty: last line without newline" "$I/noeol" "$ty" m
	mm "$ty: no input" "$I/none" "$ty" m
	mm "$ty: binary junk" "$I/junk" "$ty" m
	mm "$ty: map named with .db" "$I/one" "$ty" m.db
	mm "$ty -u on a missing map" "$I/one" "$ty" nosuch -u
	mm "$ty -o on a missing map" "$I/one" "$ty" nosuch -o
done
mm "implicit is hash" "$I/good" implicit m
mm "unknown type" "$I/one" nosuchtype m
mm "dbm type" "$I/one" dbm m
mm "cdb type" "$I/one" cdb m
mm "-l lists the types" "$I/one" hash m -l
mm "-x lists the types with suffixes" "$I/one" hash m -x
mm "-L lists cf types too" "$I/one" hash m -L
mm "-t with an empty delimiter" "$I/one" hash m -t ''
mm "-c cache size" "$I/good" hash m -c 100000
mm "-s" "$I/good" hash m -s
mm_args "usage: no arguments" "$I/one"
mm_args "usage: one operand" "$I/one" hash
mm "usage: unknown option" "$I/one" hash m -Z
mm "usage: three operands" "$I/one" hash m extra
mm_args "-l before a bad option" "$I/one" -l -Z
mm_args "a bad option before -l" "$I/one" -Z -l
run "$RM" "$W/r" -C "$W/nosuch.cf" hash m <"$I/one"
run "$TM" "$W/t" -C "$W/nosuch.cf" hash m <"$I/one"
t_same "a missing cf (as root: read for TrustedUser)" "$W/r/err" "$W/t/err"

# ---- reading each other's maps ----------------------------------------
for ty in hash btree; do
	for fl in "" "-N" "-f" "-d"; do
		rm -f "$W/x.db" "$W/xr.db"
		# shellcheck disable=SC2086
		(cd "$W" && "$TM" -C empty.cf $fl "$ty" x <"$I/good" &&
		    "$RM" -C empty.cf $fl "$ty" xr <"$I/good")
		(cd "$W" && "$RM" -C empty.cf -u "$ty" xr) >"$W/want"
		(cd "$W" && "$RM" -C empty.cf -u "$ty" x) >"$W/got"
		t_same "$ty ${fl:-plain}: tern's map, real -u, same order" \
		    "$W/want" "$W/got"
		(cd "$W" && "$TM" -C empty.cf -u "$ty" x) >"$W/got"
		t_same "$ty ${fl:-plain}: tern's map, tern -u" "$W/want" "$W/got"
		rm -f "$W/x.db"
		# shellcheck disable=SC2086
		(cd "$W" && "$RM" -C empty.cf $fl "$ty" x <"$I/dups" 2>/dev/null)
		(cd "$W" && "$RM" -C empty.cf -u -t '|' "$ty" x) >"$W/want"
		(cd "$W" && "$TM" -C empty.cf -u -t '|' "$ty" x) >"$W/got"
		t_same "$ty ${fl:-plain}: real map, tern -u -t = real -u -t" \
		    "$W/want" "$W/got"
	done
	# -o appends to the other's map
	rm -f "$W/x.db" "$W/y.db"
	(cd "$W" && "$RM" -C empty.cf "$ty" x <"$I/one" &&
	    "$TM" -C empty.cf -o "$ty" x <"$I/good" &&
	    "$RM" -C empty.cf "$ty" y <"$I/good" &&
	    "$RM" -C empty.cf -o "$ty" y <"$I/one")
	dump "$W" "$ty" y >"$W/want"
	dump "$W" "$ty" x >"$W/got"
	t_same "$ty: tern -o appends to a real map" "$W/want" "$W/got"
done

# ---- files: mode, owner, links, damaged maps ------------------------------
rm -f "$W"/r/m.db "$W"/t/m.db
(cd "$W/r" && "$RM" -C "$W/empty.cf" hash m <"$I/one")
(cd "$W/t" && "$TM" -C "$W/empty.cf" hash m <"$I/one")
t_check "a new map's mode and owner" \
    test "$(stat -c '%a %U %G' "$W/r/m.db")" = "$(stat -c '%a %U %G' "$W/t/m.db")"
chmod 604 "$W/r/m.db" "$W/t/m.db"
(cd "$W/r" && "$RM" -C "$W/empty.cf" hash m <"$I/good")
(cd "$W/t" && "$TM" -C "$W/empty.cf" hash m <"$I/good")
t_check "a rebuilt map keeps its mode" \
    test "$(stat -c '%a' "$W/r/m.db")" = "$(stat -c '%a' "$W/t/m.db")"
if [ "$(id -u)" = 0 ] && getent passwd nobody >/dev/null; then
	printf 'V10\nO TrustedUser=nobody\n' >"$W/tu.cf"
	for d in r t; do rm -f "$W/$d/m.db"; done
	(cd "$W/r" && "$RM" -C "$W/tu.cf" hash m <"$I/one")
	(cd "$W/t" && "$TM" -C "$W/tu.cf" hash m <"$I/one")
	t_check "as root, the map goes to TrustedUser" test \
	    "$(stat -c '%a %U %G' "$W/r/m.db")" = "$(stat -c '%a %U %G' "$W/t/m.db")"
	printf 'O TrustedUser=no-such-user-here\n' >"$W/tu2.cf"
	mm "an unknown TrustedUser" "$I/one" hash m -C "$W/tu2.cf"
else
	t_skip "as root, the map goes to TrustedUser" "not root"
fi
printf 'Kaccess hash -T<TMPF> -o /etc/mail/access\nKmt btree m\nKx hash  ./sub/x.map\n' \
    >"$W/k.cf"
DT=btree mm "type cf: the K line's class" "$I/good" cf m -C "$W/k.cf"
DT=btree mm "type CF: base name match" "$I/good" CF m.txt -C "$W/k.cf"
DT=hash mm "type CF: a K line with a path" "$I/good" CF x.map -C "$W/k.cf"
mm "type cf: not in the cf" "$I/good" cf other -C "$W/k.cf"
DT=btree mm "type cf: not in the cf, -i fallback" "$I/good" cf other \
    -C "$W/k.cf" -v -i btree
for d in r t; do
	rm -rf "$W/$d/"*.db
	(cd "$W/$d" && "$RM" -C "$W/empty.cf" hash m <"$I/one" &&
	    ln -s m.db s.db && ln m.db h.db)
done
KEEPDB=1
mm "a symbolic link is refused" "$I/one" hash s
mm "-u: a symbolic link is refused" "$I/one" hash s -u
mm "a hard link is refused" "$I/one" hash h
rm -f "$W/r/h.db" "$W/t/h.db"
mm "-s: a symbolic link is followed" "$I/good" hash s -s
(cd "$W/r" && "$RM" -C "$W/empty.cf" -u hash m) | sort >"$W/want"
(cd "$W/t" && "$RM" -C "$W/empty.cf" -u hash m) | sort >"$W/got"
cmp_nonempty "-s: the map the link points at is rebuilt" "$W/want" "$W/got"
t_check "-s: the link stays a link" test -L "$W/t/s.db"
KEEPDB=
for d in r t; do
	rm -rf "$W/$d/"*.db
	(cd "$W/$d" && "$RM" -C "$W/empty.cf" hash m <"$I/good" &&
	    "$RM" -C "$W/empty.cf" btree b <"$I/good" &&
	    head -c 5000 m.db >trunc.db && : >empty.db &&
	    cp "$I/junk" junk.db && mkdir -p dir.db)
done
KEEPDB=1
mm "-u: hash map read as btree" "$I/one" btree m -u
mm "-u: btree map read as hash" "$I/one" hash b -u
mm "-o: btree map as hash" "$I/one" hash b -o
mm "-u: truncated map" "$I/one" hash trunc -u
mm "-u: empty file" "$I/one" hash empty -u
mm "-u: junk" "$I/one" hash junk -u
mm "-u: junk as btree" "$I/one" btree junk -u
mm "-o: junk" "$I/one" hash junk -o
mm "a directory" "$I/one" hash dir
exit 0
