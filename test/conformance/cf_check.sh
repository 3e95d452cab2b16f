# SPDX-License-Identifier: BSD-3-Clause
#
# cf_check.sh -- the anti-spam and TLS rulesets of a cf built by Tern's own
# macros (cf/) decide as the real ones do.
#
# Each folder of test/conformance/cf/check/ holds an .mc (access map,
# relay_hosts_only, relay_entire_domain, delay_checks, dnsbl, enhdnsbl,
# blocklist_recipients, promiscuous_relay, ...), its /etc/mail fixtures
# (maps built by the real makemap), cases.txt (-bt lines: .D{macro} setup,
# then check_rcpt, check_mail, tls_server, tls_rcpt, try_tls,
# srv_features, clt_features, trust_auth, or the .mc's test entry points
# tst_relay "name ! addr" and tst_tlsclt "verify ! MAIL", which call
# check_relay / tls_client with a real $| -- -bt input cannot type one) and
# expected.txt, recorded by check/record.sh from the REAL sendmail 8.17 on
# the cf built by the REAL macros.
#
# Compared per case (check/verdicts.awk): the outermost ruleset's result
# when it is a triple ("$# error $@ 5.7.1 $: ...", "$# discard", "$# OK",
# ...), or just that it is no triple (the SMTP command goes on), and the
# exit status.  The rule text and the intermediate rulesets may differ.
#
# Engines: Tern's sendmail when built, and the reference sendmail 8.17 on
# our cf ("via real sendmail").  Needs root and unshare.
. "$TERN_LIB"

name=cf_check
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
	t_skip "$name" "needs root and unshare for the pinned namespace"
	exit 0
fi
if [ -z "${TERN_SHARED:-}" ] || [ ! -f "$TERN_SHARED/conformance/bt/run.sh" ]; then
	t_skip "$name" "no ../shared/conformance/bt beside the checkout"
	exit 0
fi
t_need m4
runsh=$TERN_SHARED/conformance/bt/run.sh
cfdir=$TERN_TOP/cf
chk=$TERN_TOP/test/conformance/cf/check

engines=""
if [ -x "$TERN_BIN/sendmail" ]; then
	engines="tern"
	if SMREF=$(sh "$TERN_SHARED/reference/get-sendmail.sh" 2>/dev/null) &&
	    [ -x "$SMREF/usr/libexec/sendmail/sendmail" ]; then
		SMREF_BIN=$SMREF/usr/libexec/sendmail
		engines="$engines real"
	fi
else
	t_reference
	engines="real"
fi

# one_config NAME -- build our cf from check/NAME/NAME.mc, run its cases
# with each engine and compare the verdicts with the recorded ones
one_config() {
	cfg=$1 src=$chk/$1
	ours=$TMPDIR/$cfg.cf
	if ! (cd "$cfdir/cf" && m4 "$src/$cfg.mc") >"$ours" 2>"$TMPDIR/$cfg.m4err"; then
		t_fail "$name $cfg m4" "m4 failed: $(head -c 300 "$TMPDIR/$cfg.m4err")"
		return
	fi
	awk -f "$chk/verdicts.awk" "$src/expected.txt" >"$TMPDIR/$cfg.want"
	for eng in $engines; do
		if [ "$eng" = tern ]; then
			bin=$TERN_BIN/sendmail via=""
		else
			bin=$SMREF_BIN/sendmail via=" via real sendmail"
		fi
		# run.sh records into the folder it is given: use a copy
		w=$TMPDIR/$eng/$cfg
		rm -rf "$w" && mkdir -p "$w" && cp -R "$src/." "$w/"
		rm -f "$w/expected.txt"
		if ! RECORD=1 bash "$runsh" "$bin" "$ours" "$w" >"$w.log" 2>&1 ||
		    [ ! -f "$w/expected.txt" ]; then
			t_fail "$name $cfg$via" "run.sh failed: $(tail -n 3 "$w.log" | tr '\n' ' ')"
			continue
		fi
		awk -f "$chk/verdicts.awk" "$w/expected.txt" >"$w.got"
		n=0
		while IFS= read -r line || [ -n "$line" ]; do
			n=$((n + 1))
			k=$(printf '%04d' "$n")
			label="$name $cfg $k$via: $(printf '%s' "$line" | cut -c1-70 | tr -c '[:print:]\n' '?')"
			want=$(grep "^$k	" "$TMPDIR/$cfg.want" | cut -f2-)
			got=$(grep "^$k	" "$w.got" | cut -f2-)
			if [ -n "$want" ] && [ "$want" = "$got" ]; then
				t_ok "$label"
			else
				t_fail "$label" "decides differently"
				printf '#   want: %s\n#   got:  %s\n' "$want" "$got"
			fi
		done <"$src/cases.txt"
	done
}

for d in "$chk"/*/; do
	d=${d%/}
	c=$(basename "$d")
	[ -f "$d/$c.mc" ] && [ -f "$d/expected.txt" ] || continue
	one_config "$c"
done
