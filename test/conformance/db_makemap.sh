#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# db_makemap.sh -- Tern's Berkeley DB maps (libsm/db.c through
# test/tools/dbtool) and the real sendmail 8.17 makemap, praliases and
# newaliases read each other's files.
#
# For each type (hash, btree) and flags (none, -N, -f, -N -f):
#   1. dbtool writes a map, the real `makemap -u` prints it: the same lines
#      as `makemap -u` prints for the map the real makemap built from the
#      same input (same order for btree, same set for hash);
#   2. the real makemap writes, dbtool dumps: the lines `makemap -u` prints;
#   3. the real makemap writes, dbtool looks every input key up (with its
#      original case): the values of the input, in order.
# Then duplicates (-d), values past makemap's 1024-byte line limit, the mode
# of a new map, updates in place (-o) both ways, type mismatches, and the
# aliases database: newaliases writes / dbtool reads, dbtool writes /
# praliases reads, with and without -N.
# Expected content is the input fed here or the real programs' output.
. "$TERN_LIB"
t_reference

DBTOOL=$TERN_OBJ/test/tools/dbtool
MM=$SMREF_BIN/makemap
PA=$SMREF_BIN/praliases
W=$TMPDIR/dbmm
mkdir -p "$W" || exit 1
CF=$W/empty.cf
: >"$CF"
umask 022
LC_ALL=C
export LC_ALL
if [ ! -x "$DBTOOL" ]; then
	t_fail db_makemap "no $DBTOOL (make tests builds it)"
	exit 1
fi

# The input: makemap's "key<white space>value" lines; keys unique even
# when folded, mixed case, non-ASCII bytes, values with spaces and %.
{
	printf 'Postmaster\troot\n'
	printf 'MiXeD.Case@Example.COM\tRelay:[mx.example.com]\n'
	printf 'Caf\303\251@Example.ORG\tUTF-8 key, only ASCII folds\n'
	printf 'user+tag@example.net\tREJECT\n'
	printf 'spaces\tvalue with  two  spaces\n'
	printf 'percent\t%%1@%%2 100%%%%\n'
	printf '@example.com\terror:5.1.1:550 User unknown\n'
	awk 'BEGIN { for (i = 0; i < 1500; i++)
		printf "Key%04d.Example\tvalue-%d\n", i, i * 7 }'
	awk 'BEGIN { printf "longvalue\t"; for (i = 0; i < 900; i++)
		printf "%c", 97 + i % 26; printf "\n" }'
} >"$W/in.txt"
nin=$(wc -l <"$W/in.txt")
cut -f1 "$W/in.txt" >"$W/in.keys"
cut -f2- "$W/in.txt" >"$W/in.vals"

# cmp_case NAME WANT GOT: one case; WANT must not be empty.
cmp_case() {
	if [ ! -s "$2" ]; then
		t_fail "$1" "the reference produced nothing"
	else
		t_same "$1" "$2" "$3"
	fi
}

# ordered TYPE: how to compare walks (btree order is defined, hash not).
ordered() {
	if [ "$1" = btree ]; then cat; else sort; fi
}

# The real makemap's map of the input, and what its -u prints.
ref_map() {	# TYPE FLAGS...
	_t=$1
	shift
	rm -f "$W/r.db"
	"$MM" -C "$CF" "$@" "$_t" "$W/r" <"$W/in.txt" &&
	    "$MM" -C "$CF" -u "$@" "$_t" "$W/r" | ordered "$_t" >"$W/want"
}

for type in hash btree; do
	for flags in "" "-N" "-f" "-N -f"; do
		tag="$type${flags:+ $flags}"
		# shellcheck disable=SC2086
		if ! ref_map "$type" $flags; then
			t_fail "tern writes, makemap -u reads: $tag" "real makemap failed"
			continue
		fi
		[ "$(wc -l <"$W/want")" -eq "$nin" ] ||
			t_fail "reference: $tag" "makemap -u printed $(wc -l <"$W/want") of $nin lines"

		rm -f "$W/t.db"
		# shellcheck disable=SC2086
		"$DBTOOL" write $flags "$type" "$W/t.db" <"$W/in.txt" &&
		    "$MM" -C "$CF" -u $flags "$type" "$W/t" | ordered "$type" >"$W/got"
		cmp_case "tern writes, makemap -u reads: $tag" "$W/want" "$W/got"

		# shellcheck disable=SC2086
		"$DBTOOL" dump $(echo "$flags" | grep -o -- -N) "$type" "$W/r.db" |
		    ordered "$type" >"$W/got"
		cmp_case "makemap writes, tern dumps: $tag" "$W/want" "$W/got"

		# shellcheck disable=SC2086
		"$DBTOOL" get $flags "$type" "$W/r.db" $(cat "$W/in.keys") >"$W/got"
		cmp_case "makemap writes, tern looks every key up: $tag" \
		    "$W/in.vals" "$W/got"
	done
done

# A new map gets the mode the real makemap gives it.
rm -f "$W/t.db" "$W/r.db"
"$DBTOOL" write hash "$W/t.db" <"$W/in.txt"
"$MM" -C "$CF" hash "$W/r" <"$W/in.txt"
stat -c %a "$W/r.db" >"$W/want"
stat -c %a "$W/t.db" >"$W/got"
cmp_case "a new map has makemap's mode ($(cat "$W/want"))" "$W/want" "$W/got"

# Duplicates (makemap -d): every value, in the order given; 300 of one
# key go to an off-page duplicate tree.
{
	printf 'dup\tfirst\nother\tx\ndup\tsecond\nDup\tthird\n'
	awk 'BEGIN { for (i = 0; i < 300; i++)
		printf "many\tduplicate number %d\n", i }'
} >"$W/dups.txt"
# walk order, then the values of "many" in the order they come
dups_view() {
	ordered "$1" >"$W/dv"
	cat "$W/dv"
	awk -F '	' '$1 == "many"' "$W/dv"
}
for type in hash btree; do
	rm -f "$W/r.db" "$W/t.db"
	"$MM" -C "$CF" -d "$type" "$W/r" <"$W/dups.txt"
	"$MM" -C "$CF" -u "$type" "$W/r" | dups_view "$type" >"$W/want"
	"$DBTOOL" write -d "$type" "$W/t.db" <"$W/dups.txt"
	"$MM" -C "$CF" -u "$type" "$W/t" | dups_view "$type" >"$W/got"
	cmp_case "$type -d: tern writes, makemap -u reads" "$W/want" "$W/got"
	"$DBTOOL" dump "$type" "$W/r.db" | dups_view "$type" >"$W/got"
	cmp_case "$type -d: makemap writes, tern dumps" "$W/want" "$W/got"
done

# Values longer than makemap's input lines (overflow pages).
awk 'BEGIN { printf "big\t"; for (i = 0; i < 20000; i++)
	printf "%c", 65 + i % 26; printf "\nsmall\tv\n" }' >"$W/big.txt"
for type in hash btree; do
	rm -f "$W/t.db"
	"$DBTOOL" write "$type" "$W/t.db" <"$W/big.txt"
	"$MM" -C "$CF" -u "$type" "$W/t" | sort >"$W/got"
	sort "$W/big.txt" >"$W/want"
	cmp_case "$type: a 20000-byte value, makemap -u prints it" \
	    "$W/want" "$W/got"
done

# Updates in place (makemap -o) both ways: the union of both inputs.
head -n 100 "$W/in.txt" >"$W/a.txt"
sed -n '101,200p' "$W/in.txt" >"$W/b.txt"
head -n 200 "$W/in.txt" >"$W/ab.txt"
for type in hash btree; do
	rm -f "$W/r.db"
	"$MM" -C "$CF" "$type" "$W/r" <"$W/ab.txt"
	"$MM" -C "$CF" -u "$type" "$W/r" | sort >"$W/want"
	rm -f "$W/t.db"
	"$DBTOOL" write "$type" "$W/t.db" <"$W/a.txt"
	"$MM" -C "$CF" -o "$type" "$W/t" <"$W/b.txt"
	"$MM" -C "$CF" -u "$type" "$W/t" | sort >"$W/got"
	cmp_case "$type: makemap -o appends to tern's map" "$W/want" "$W/got"
	rm -f "$W/t.db"
	"$MM" -C "$CF" "$type" "$W/t" <"$W/a.txt"
	"$DBTOOL" write -o "$type" "$W/t.db" <"$W/b.txt"
	"$MM" -C "$CF" -u "$type" "$W/t" | sort >"$W/got"
	cmp_case "$type: tern -o appends to makemap's map" "$W/want" "$W/got"
done

# The wrong type is refused on both sides.
rm -f "$W/t.db" "$W/r.db"
"$DBTOOL" write hash "$W/t.db" <"$W/a.txt"
"$MM" -C "$CF" hash "$W/r" <"$W/a.txt"
if "$MM" -C "$CF" -u btree "$W/t" >/dev/null 2>&1; then
	t_fail "makemap refuses tern's hash map as btree" "it read it"
else
	t_ok "makemap refuses tern's hash map as btree"
fi
"$DBTOOL" dump btree "$W/r.db" >/dev/null 2>"$W/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q 'hash file, not btree' "$W/err"; then
	t_ok "tern refuses makemap's hash map as btree"
else
	t_fail "tern refuses makemap's hash map as btree" "exit $rc: $(cat "$W/err")"
fi

# ---- the aliases database -----------------------------------------------
printf 'Postmaster: root\nMAILER-DAEMON: postmaster\nlist: "|/bin/cat",\n\tuser1, user2\nInfo: /var/spool/info\n' >"$W/aliases"
cat >"$W/alias.cf" <<EOF
V10
O AliasFile=hash:$W/aliases
O QueueDirectory=$W
O DontBlameSendmail=MapInUnsafeDirPath,TrustStickyBit,WorldWritableAliasFile
Djtern-test.example
Mlocal, P=/bin/true, F=lsDFMA:|/, A=local \$u
Mprog, P=/bin/sh, F=lsDFMA, A=sh -c \$u
S0
R\$+	\$#local \$: \$1
EOF
# sendmail sleeps 60 s before reading its cf when the host name has no
# dot: give it a qualified name in a UTS namespace of its own (root), or
# skip those cases.
newaliases() {
	case $(hostname) in
	*.*) "$SMREF_BIN/sendmail" -C "$W/alias.cf" -bi ;;
	*) unshare -u sh -c 'hostname tern-test.example &&
		exec "$1" -C "$2" -bi' sh "$SMREF_BIN/sendmail" "$W/alias.cf" ;;
	esac
}
if newaliases >"$W/bi.out" 2>&1 && [ -f "$W/aliases.db" ]; then
	"$PA" -C "$CF" -f "$W/aliases" 2>/dev/null | sort >"$W/want"
	"$DBTOOL" dump hash "$W/aliases.db" | sed 's/	/:/' | sort >"$W/got"
	cmp_case "newaliases writes, tern dumps the aliases" "$W/want" "$W/got"
	# The same pairs (with newaliases' "@" -> "@") written by Tern.
	sed 's/:/	/' "$W/want" >"$W/alias.pairs"
	rm -f "$W/ta.db"
	"$DBTOOL" write hash "$W/ta.db" <"$W/alias.pairs"
	"$PA" -C "$CF" -f "$W/ta" 2>/dev/null | sort >"$W/got"
	cmp_case "tern writes the aliases, praliases reads them" "$W/want" "$W/got"
	"$PA" -C "$CF" -f "$W/aliases" postmaster list @ nobody >"$W/want" 2>&1
	"$PA" -C "$CF" -f "$W/ta" postmaster list @ nobody >"$W/got" 2>&1
	cmp_case "praliases looks keys up in tern's aliases" "$W/want" "$W/got"
else
	for c in "newaliases writes, tern dumps the aliases" \
	    "tern writes the aliases, praliases reads them" \
	    "praliases looks keys up in tern's aliases"; do
		t_skip "$c" "the real newaliases failed: $(head -n 1 "$W/bi.out")"
	done
	printf '@\t@\npostmaster\troot\nlist\tuser1, user2\n' >"$W/alias.pairs"
fi

# An aliases-style map with -N (NUL-terminated keys and values).
rm -f "$W/rn.db" "$W/tn.db"
"$MM" -C "$CF" -N hash "$W/rn" <"$W/alias.pairs"
"$PA" -C "$CF" -f "$W/rn" 2>/dev/null | sort >"$W/want"
"$DBTOOL" dump -N hash "$W/rn.db" | sed 's/	/:/' | sort >"$W/got"
cmp_case "makemap -N writes aliases, tern dumps them" "$W/want" "$W/got"
"$DBTOOL" write -N hash "$W/tn.db" <"$W/alias.pairs"
"$PA" -C "$CF" -f "$W/tn" 2>/dev/null | sort >"$W/got"
cmp_case "tern writes -N aliases, praliases reads them" "$W/want" "$W/got"
"$DBTOOL" dump -O hash "$W/tn.db" | od -An -c | tr -s ' ' >"$W/got"
"$DBTOOL" dump -O hash "$W/rn.db" | od -An -c | tr -s ' ' >"$W/want"
cmp_case "-N aliases: the same bytes, NULs included" "$W/want" "$W/got"
exit 0
