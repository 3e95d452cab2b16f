# SPDX-License-Identifier: BSD-3-Clause
#
# cf_build.sh -- Tern's m4 configuration package (cf/) builds its examples
# and every module.
#
# Cases:
#   - every cf/cf/*.mc builds with m4 in cf/cf (the classic workflow):
#     exit status 0, nothing on stderr, a complete cf;
#   - the same .mc builds from elsewhere (m4 -I cf/cf -D_CF_DIR_=cf/) into
#     the same sendmail.cf;
#   - every FEATURE, MAILER, OSTYPE, DOMAIN and HACK of the tree builds in a
#     small .mc (m4 exit 0, no "cf: error", no m4 text left in the cf);
#   - an unknown FEATURE, OSTYPE, MAILER, DOMAIN or HACK, and bad FEATURE
#     arguments, make m4 exit non-zero with a message that names them;
#   - each cf built above loads without a warning: "sendmail -C cf -bt"
#     prints only the banner.  Run with Tern's engine when
#     build/bin/sendmail exists, and with the reference sendmail 8.17 too
#     ("via real sendmail"), inside the pinned namespace of the -bt corpus
#     (host name mta.example.org, /etc/mail holding empty versions of the
#     files the cf reads).  Needs root and unshare; skipped otherwise.
. "$TERN_LIB"

t_need m4
cfdir=$TERN_TOP/cf
name=cf_build
mkdir -p "$TMPDIR/cfs"

# complete CF -> true when CF looks like a whole sendmail.cf
complete() {
	grep -q '^V10/' "$1" && grep -q '^Sparse=0' "$1" &&
	    grep -q '^Mlocal,' "$1" && ! grep -q '_T_\|dnl' "$1"
}

# ------------------------------------------------------- the example .mc
for mc in "$cfdir"/cf/*.mc; do
	base=$(basename "$mc" .mc)
	out=$TMPDIR/cfs/$base.cf
	err=$TMPDIR/$base.err
	if (cd "$cfdir/cf" && m4 "$base.mc") >"$out" 2>"$err"; then
		if [ -s "$err" ]; then
			t_fail "$name m4 $base.mc" "m4 wrote to stderr"
			sed 's/^/#   /' "$err" | head -n 10
		elif ! complete "$out"; then
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

# --------------------------------------------------------- every module
# the arguments a module needs to build at all
feature_args() {
	case $1 in
	nullclient) echo ", \`mailhub.example.net'" ;;
	msp) echo ", \`[127.0.0.1]'" ;;
	nouucp) echo ", \`reject'" ;;
	nopercenthack) echo ", \`nospecial'" ;;
	prefixmod) echo ", \`+', \`x'" ;;
	dnsbl) echo ", \`bl.example.net'" ;;
	enhdnsbl) echo ", \`ebl.example.net', \`', \`t', \`127.0.0.2.'" ;;
	rhsbl) echo ", \`rhs.example.net'" ;;
	conncontrol|ratecontrol) echo ", \`nodelay', \`terminate'" ;;
	greet_pause) echo ", \`1000'" ;;
	domainmap) echo ", \`vh.example.net', \`hash /etc/mail/vh-users'" ;;
	esac
}
# module_mc KIND NAME -> an .mc on stdout that uses the module
module_mc() {
	printf '%s\n' 'divert(0)dnl' "include(\`../m4/cf.m4')dnl"
	case $1 in
	ostype) echo "OSTYPE(\`$2')dnl" ;;
	*) echo "OSTYPE(\`linux')dnl" ;;
	esac
	echo "FEATURE(\`access_db')dnl"
	echo "FEATURE(\`delay_checks')dnl"
	case $1 in
	feature) echo "FEATURE(\`$2'$(feature_args "$2"))dnl" ;;
	domain) echo "DOMAIN(\`$2')dnl" ;;
	hack) echo "HACK(\`$2')dnl" ;;
	esac
	echo "MAILER(\`local')dnl"
	echo "MAILER(\`smtp')dnl"
	# cyrus runs as a user of its own: one the pinned passwd has
	[ "$2" = cyrus ] && echo "define(\`CYRUS_MAILER_USER', \`daemon:daemon')dnl"
	# ssh needs the remote user and directory
	[ "$2" = ssh ] && echo "define(\`SSH_MAILER_USER', \`daemon')define(\`SSH_MAILER_DIR', \`/tmp')dnl"
	[ "$1" = mailer ] && echo "MAILER(\`$2')dnl"
	:
}
for kind in feature mailer ostype domain hack; do
	for f in "$cfdir/$kind"/*.m4; do
		[ -f "$f" ] || continue
		mod=$(basename "$f" .m4)
		module_mc "$kind" "$mod" >"$TMPDIR/m.mc"
		out=$TMPDIR/cfs/$kind-$mod.cf
		label="$name m4 $kind $mod"
		if ! (cd "$TMPDIR" && m4 -I "$cfdir/cf" -D_CF_DIR_="$cfdir/" m.mc) \
		    >"$out" 2>"$TMPDIR/m.err"; then
			t_fail "$label" "m4 exit status $?"
			sed 's/^/#   /' "$TMPDIR/m.err" | head -n 5
			rm -f "$out"
		elif grep -q 'cf: error' "$TMPDIR/m.err"; then
			t_fail "$label" "m4 reported an error"
			sed 's/^/#   /' "$TMPDIR/m.err" | head -n 5
		elif ! complete "$out"; then
			t_fail "$label" "the output is not a complete cf"
			grep -n '_T_\|dnl' "$out" | head -n 5 | sed 's/^/#   /'
		else
			t_ok "$label"
		fi
	done
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
mc_error "nopercenthack bad argument" "nopercenthack" "OSTYPE(\`linux')FEATURE(\`nopercenthack', \`bogus')dnl"
mc_error "nocanonify bad argument" "nocanonify" "OSTYPE(\`linux')FEATURE(\`nocanonify', \`bogus')dnl"
mc_error "delay_checks bad argument" "delay_checks" "OSTYPE(\`linux')FEATURE(\`access_db')FEATURE(\`delay_checks', \`bogus')dnl"
mc_error "access_db bad option" "access_db" "OSTYPE(\`linux')FEATURE(\`access_db', \`', \`bogus')dnl"
mc_error "nullclient without hub" "nullclient" "OSTYPE(\`linux')FEATURE(\`nullclient')dnl"
mc_error "dnsbl without zone" "dnsbl" "OSTYPE(\`linux')FEATURE(\`dnsbl')dnl"
mc_error "nodns with an argument" "nodns" "OSTYPE(\`linux')FEATURE(\`nodns', \`x')dnl"
mc_error "blocklist_recipients without access_db" "access_db" \
    "OSTYPE(\`linux')FEATURE(\`blocklist_recipients')dnl"

# ---------------------------------------------- the cf loads without warning
corpus=${TERN_SHARED:+$TERN_SHARED/conformance/bt}
can_pin=yes
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	can_pin="needs root and unshare for the pinned namespace"
elif [ -z "$corpus" ] || [ ! -f "$corpus/run.sh" ]; then
	can_pin="no ../shared/conformance/bt beside the checkout"
fi
# make_folder BASE CF -> a config folder for run.sh --pipe: empty versions
# of the files and maps the cf reads
make_folder() {
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
printf '%s\n%s\n> ' 'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)' \
    'Enter <ruleset> <address>' >"$TMPDIR/banner"
load_check() {	# VIA BINARY
	for cf in "$TMPDIR"/cfs/*.cf; do
		base=$(basename "$cf" .cf)
		label="$name load $base.cf$1"
		if [ "$can_pin" != yes ]; then
			t_skip "$label" "$can_pin"
			continue
		fi
		# FEATURE(bcc) writes O AddBcc as sendmail's own macros do; the
		# sendmail 8.17 we measure against (built without _FFR_ADD_BCC)
		# does not know that option, so neither loads it without a word
		if [ "$base" = feature-bcc ]; then
			t_skip "$label" "O AddBcc is unknown to the reference sendmail 8.17"
			continue
		fi
		# Tern's own options ([LOCAL] delivery's mailbox folder) are
		# unknown to the reference: only Tern's engine loads such a cf
		if [ -n "$1" ] && grep -q '^O MailboxDirectory=' "$cf"; then
			t_skip "$label" "O MailboxDirectory is Tern's own option"
			continue
		fi
		d=$(make_folder "$base" "$cf")
		bash "$corpus/run.sh" "$2" "$cf" "$d" --pipe \
		    </dev/null >"$TMPDIR/load.out" 2>"$TMPDIR/load.err"
		rc=$?
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
	for cf in "$TMPDIR"/cfs/*.cf; do
		t_skip "$name load $(basename "$cf")" "build/bin/sendmail is not built yet"
	done
fi
if [ "$can_pin" = yes ] && SMREF=$(sh "$TERN_SHARED/reference/get-sendmail.sh" 2>/dev/null) &&
    [ -x "$SMREF/usr/libexec/sendmail/sendmail" ]; then
	load_check " via real sendmail" "$SMREF/usr/libexec/sendmail/sendmail"
fi
