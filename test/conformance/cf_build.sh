# SPDX-License-Identifier: BSD-3-Clause
#
# cf_build.sh -- Tern's m4 configuration package (cf/) builds its examples.
#
# Cases:
#   - every cf/cf/*.mc builds with m4 in cf/cf (the classic workflow),
#     exit status 0 and nothing on stderr;
#   - the same .mc builds from elsewhere (m4 -I cf/cf -D_CF_DIR_=cf/) into
#     the same sendmail.cf;
#   - an unknown FEATURE, OSTYPE, MAILER, DOMAIN or HACK, and a bad FEATURE
#     argument, make m4 exit non-zero with a message that names it;
#   - each example cf loads without a warning: "sendmail -C cf -bt" prints
#     only the banner.  Run with Tern's engine when build/bin/sendmail
#     exists, and with the reference sendmail 8.17 too ("via real
#     sendmail"), inside the pinned namespace of the -bt corpus (host name
#     mta.example.org, /etc/mail holding empty versions of the files the
#     cf reads).  Needs root and unshare; skipped otherwise.
. "$TERN_LIB"

t_need m4
cfdir=$TERN_TOP/cf
name=cf_build

# ------------------------------------------------------------- m4 builds
for mc in "$cfdir"/cf/*.mc; do
	base=$(basename "$mc" .mc)
	out=$TMPDIR/$base.cf
	err=$TMPDIR/$base.err
	if (cd "$cfdir/cf" && m4 "$base.mc") >"$out" 2>"$err"; then
		if [ -s "$err" ]; then
			t_fail "$name m4 $base.mc" "m4 wrote to stderr"
			sed 's/^/#   /' "$err" | head -n 10
		elif ! grep -q '^V10/' "$out" || ! grep -q '^Sparse=0' "$out"; then
			t_fail "$name m4 $base.mc" "the output is not a complete cf"
		else
			t_ok "$name m4 $base.mc"
		fi
	else
		t_fail "$name m4 $base.mc" "m4 exit status $?"
		sed 's/^/#   /' "$err" | head -n 10
	fi
	(cd "$TMPDIR" && m4 -I "$cfdir/cf" -D_CF_DIR_="$cfdir/" "$mc") \
	    >"$TMPDIR/$base.cf2" 2>"$TMPDIR/$base.err2"
	grep -v '^#' "$out" >"$TMPDIR/$base.a"
	grep -v '^#' "$TMPDIR/$base.cf2" >"$TMPDIR/$base.b"
	t_same "$name m4 -I cf/cf -D_CF_DIR_ $base.mc" "$TMPDIR/$base.a" "$TMPDIR/$base.b"
done

# ------------------------------------------------ errors name the culprit
# mc_error NAME WORD LINE: an .mc with LINE must fail and mention WORD; built
# from $TMPDIR the way a site builds from elsewhere (-I, -D_CF_DIR_)
mc_error() {
	printf '%s\n' 'divert(0)dnl' "include(\`../m4/cf.m4')dnl" \
	    "$3" "MAILER(\`smtp')dnl" >"$TMPDIR/bad.mc"
	(cd "$TMPDIR" && m4 -I "$cfdir/cf" -D_CF_DIR_="$cfdir/" bad.mc) \
	    >"$TMPDIR/bad.cf" 2>"$TMPDIR/bad.err"
	rc=$?
	if [ "$rc" -eq 0 ]; then
		t_fail "$name error $1" "m4 exited 0 for: $3"
	elif ! grep -q -- "$2" "$TMPDIR/bad.err"; then
		t_fail "$name error $1" "the message does not name $2"
		sed 's/^/#   /' "$TMPDIR/bad.err" | head -n 5
	else
		t_ok "$name error $1"
	fi
}
mc_error "unknown OSTYPE" "nosuchos" "OSTYPE(\`nosuchos')dnl"
mc_error "unknown FEATURE" "nosuchfeature" "OSTYPE(\`linux')FEATURE(\`nosuchfeature')dnl"
mc_error "unknown MAILER" "nosuchmailer" "OSTYPE(\`linux')MAILER(\`nosuchmailer')dnl"
mc_error "unknown DOMAIN" "nosuchdomain" "OSTYPE(\`linux')DOMAIN(\`nosuchdomain')dnl"
mc_error "unknown HACK" "nosuchhack" "OSTYPE(\`linux')HACK(\`nosuchhack')dnl"
mc_error "FEATURE with a path" "FEATURE" "OSTYPE(\`linux')FEATURE(\`../m4/cf')dnl"
mc_error "nouucp without argument" "nouucp" "OSTYPE(\`linux')FEATURE(\`nouucp')dnl"
mc_error "nocanonify bad argument" "nocanonify" "OSTYPE(\`linux')FEATURE(\`nocanonify', \`bogus')dnl"
mc_error "nullclient without hub" "nullclient" "OSTYPE(\`linux')FEATURE(\`nullclient')dnl"
mc_error "blocklist_recipients without access_db" "access_db" \
    "OSTYPE(\`linux')FEATURE(\`blocklist_recipients')dnl"

# ---------------------------------------------- the cf loads without warning
# load_check LABEL BINARY: each example cf, in the pinned namespace
corpus=${TERN_SHARED:+$TERN_SHARED/conformance/bt}
can_pin=yes
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	can_pin="needs root and unshare for the pinned namespace"
elif [ -z "$corpus" ] || [ ! -f "$corpus/run.sh" ]; then
	can_pin="no ../shared/conformance/bt beside the checkout"
fi
# a config folder for run.sh --pipe: the cf's own files, empty
make_folder() {	# BASE CF -> prints the folder
	d=$TMPDIR/load/$1
	rm -rf "$d"
	mkdir -p "$d/etc-mail"
	# run.sh also builds the reference cf from NAME.mc: give it a plain one
	printf '%s\n' 'divert(0)dnl' "include(\`../m4/cf.m4')dnl" \
	    "OSTYPE(\`linux')dnl" "MAILER(\`smtp')dnl" >"$d/$1.mc"
	: >"$d/cases.txt"
	: >"$d/maps.txt"
	sed -n 's/^F[^ ]*[ 	]*\(-o \)*\/etc\/mail\/\([^ ]*\).*/\2/p' "$2" |
	    while read -r f; do : >"$d/etc-mail/$f"; done
	sed -n 's/^K[^ ]* \(hash\|btree\) .*\/etc\/mail\/\([^ ]*\)$/\1 \2/p' "$2" |
	    while read -r t f; do
		: >"$d/etc-mail/$f"
		printf '%s\t%s\n' "$t" "$f" >>"$d/maps.txt"
	    done
	echo "$d"
}
load_check() {	# LABEL BINARY
	for mc in "$cfdir"/cf/*.mc; do
		base=$(basename "$mc" .mc)
		label="$name load $base.cf $1"
		if [ "$can_pin" != yes ]; then
			t_skip "$label" "$can_pin"
			continue
		fi
		[ -s "$TMPDIR/$base.cf" ] || { t_fail "$label" "no cf was built"; continue; }
		d=$(make_folder "$base" "$TMPDIR/$base.cf")
		bash "$corpus/run.sh" "$2" "$TMPDIR/$base.cf" "$d" --pipe \
		    </dev/null >"$TMPDIR/load.out" 2>"$TMPDIR/load.err"
		rc=$?
		printf '%s\n%s\n> ' 'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)' \
		    'Enter <ruleset> <address>' >"$TMPDIR/banner"
		if [ "$rc" -ne 0 ]; then
			t_fail "$label" "exit status $rc"
			sed 's/^/#   /' "$TMPDIR/load.out" "$TMPDIR/load.err" | head -n 10
		else
			t_same "$label" "$TMPDIR/banner" "$TMPDIR/load.out"
		fi
	done
}
if [ -x "$TERN_BIN/sendmail" ]; then
	load_check "" "$TERN_BIN/sendmail"
else
	for mc in "$cfdir"/cf/*.mc; do
		t_skip "$name load $(basename "$mc" .mc).cf" "build/bin/sendmail is not built yet"
	done
fi
if [ "$can_pin" = yes ] && SMREF=$(sh "$TERN_SHARED/reference/get-sendmail.sh" 2>/dev/null) &&
    [ -x "$SMREF/usr/libexec/sendmail/sendmail" ]; then
	load_check "via real sendmail" "$SMREF/usr/libexec/sendmail/sendmail"
fi
