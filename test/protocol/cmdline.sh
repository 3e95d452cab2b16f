# SPDX-License-Identifier: BSD-3-Clause
#
# cmdline.sh -- sendmail's command line: usage errors, mode letters,
# option checks, conflicts with -q, the queue directory missing, mailq,
# -bP, -bi/newaliases, -X transcripts, the names that select a mode.
# Expected texts and exit codes were recorded from sendmail 8.17.1.9
# (Debian's sendmail-bin, run in a namespace with a cf of its own m4 and
# -oQ/-oA into a temp dir); the cf here is Tern's cf/ (OSTYPE linux, local and smtp).
# Nothing here needs delivery: no message is ever submitted.
. "$TERN_LIB"
LC_ALL=C
export LC_ALL
t_need m4

sm=$TERN_BIN/sendmail
w=$TMPDIR/cmd
mkdir -p "$w/q"
chmod 700 "$w/q"
cat >"$w/cmd.mc" <<'MC'
divert(0)dnl
include(`../m4/cf.m4')dnl
OSTYPE(`linux')dnl
MAILER(`local')dnl
MAILER(`smtp')dnl
MC
if ! m4 -I "$TERN_TOP/cf/cf" -D_CF_DIR_="$TERN_TOP/cf/" "$w/cmd.mc" \
    >"$w/cf" 2>"$w/m4.err"; then
	t_fail cmdline_m4 "$(head -n 1 "$w/m4.err")"
	exit 0
fi
printf 'postmaster: root\n' >"$w/aliases"

# case NAME STATUS EXPECTED-OUTPUT -- ARGS...: stdout+stderr and status
case_() {
	n=$1 st=$2 exp=$3
	shift 4
	"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" "$@" </dev/null \
	    >"$w/out" 2>&1
	rc=$?
	sed "s|$sm|SENDMAIL|g; s|$w|W|g" "$w/out" >"$w/got"
	printf '%s\n[exit %d]\n' "$exp" "$st" | sed '/^$/d' >"$w/exp"
	printf '[exit %d]\n' "$rc" >>"$w/got"
	t_same "cmdline: $n" "$w/exp" "$w/got"
}

case_ illegal-option 64 "SENDMAIL: illegal option -- Z" -- -Z
case_ missing-argument 64 \
    "SENDMAIL: option requires an argument -- f" -- -f
case_ missing-argument-L 64 \
    "SENDMAIL: option requires an argument -- L" -- -L
case_ bad-mode 64 "Invalid operation mode X" -- -bX
case_ frozen 64 "Frozen configurations unsupported" -- -bz
case_ bf 64 "Invalid operation mode f" -- -bf
case_ mailq-empty 0 "W/q is empty
		Total requests: 0" -- -bp
case_ mailq-extra-args 0 "W/q is empty
		Total requests: 0" -- -bp extra args
case_ bP 0 "Data unavailable: shared memory not updated" -- -bP
case_ no-queue 78 \
    "can not chdir(W/nodir/): No such file or directory" -- -oQ"$w/nodir" -bp
case_ queue-not-dir 78 \
    "can not chdir(W/aliases/): Not a directory" -- -oQ"$w/aliases" -bp
case_ no-queue-q 78 \
    "can not chdir(W/nodir/): No such file or directory" -- -oQ"$w/nodir" -q
case_ bP-shm-empty 0 "W/q is empty" -- -O SharedMemoryKey=4711 -bP
case_ no-queue-bP 0 "Data unavailable: shared memory not updated" -- \
    -oQ"$w/nodir" -bP
case_ q-time-unit 64 "Invalid time unit \`X'" -- -qX
case_ q-time-unit-neg 64 "Invalid time unit \`X'" -- '-q!X'
case_ q-time-unit-5x 64 "Invalid time unit \`x'" -- -q5x
case_ q-with-bv 64 "Can not use -q with -bv" -- -q -bv root
case_ q1h-with-bv 64 "Can not use -q with -bv" -- -q1h -bv root
case_ qR-with-bv 64 "Can not use -q with -bv" -- -bv -qRx root
# in the SMTP modes the complaint is a reply: CR LF
case_ q-with-bs 64 "$(printf '550 Can not use -q with -bs\r')" -- -q -bs
case_ q-with-bi 64 "Can not use -q with -bi" -- -q -bi
case_ q-with-bC 64 "Can not use -q with -bC" -- -q -bC
case_ q-with-bh 64 "Can not use -q with -bh" -- -q -bh
case_ q-with-bp 0 "W/q is empty
		Total requests: 0" -- -qRroot -bp
case_ q-neg-with-bp 0 "W/q is empty
		Total requests: 0" -- '-q!Ix' -bp
case_ qQ-with-bp 0 "W/q is empty
		Total requests: 0" -- -qQfoo -bp
case_ qG-unknown 0 "Queue group  unknown" -- -qG -bp
case_ qG-foo 0 "Queue group foo unknown" -- -qGfoo -bp
case_ qG-foo-run 0 "Queue group foo unknown" -- -qGfoo -q
case_ qG-mqueue 0 "W/q is empty" -- -qGmqueue -bp
case_ q-neg-G 64 "Can not use -q!G" -- '-q!Gmqueue' -bp
case_ q-neg-interval 64 "Invalid -q value" -- -q-5m -bp
case_ qp-neg-interval 64 "Invalid -q value" -- -qp-5 -bp
case_ q-neg-neg-interval 64 "Invalid -q value" -- '-q!-5' -bp
case_ q-dash 0 "W/q is empty
		Total requests: 0" -- -q- -bp
case_ qp-bad-unit 64 "Invalid time unit \`x'" -- -qpx -bp
case_ q-bad-unit-then-Q 64 "Invalid time unit \`x'
Can not use -Q with -bp" -- -bp -q5x -Qx
case_ qp-with-bp 0 "W/q is empty
		Total requests: 0" -- -qp5m -bp
case_ q-twice-with-bv 64 "Can not use -q with -bv
Can not use -q with -bv" -- -q -q -bv root
case_ q-ba 64 "$(printf '550 Can not use -q with -ba\r')" -- -q -ba

# -Q: quarantining goes with the queue-run mode only; "-Q." (what
# sendmail turns a bare -Q into) is refused before anything else
case_ Q-dot 64 "Can not use -Q." -- -Q.
case_ Q-dot-first 64 "Can not use -Q." -- -bs -q -Q.
case_ Q-dotx 64 "Can not use -Q." -- -Z -Q.x
case_ Q-with-bp 64 "Can not use -Q with -bp" -- -Qx -bp
case_ Q-bare-with-bp 64 "Can not use -Q with -bp" -- -Q -bp
case_ Q-after-bp 64 "Can not use -Q with -bp" -- -bp -Q
case_ Q-twice-with-bp 64 "Can not use -Q with -bp
Can not use -Q with -bp" -- -bp -Qx -Qy
case_ Q-with-bv 64 "Can not use -Q with -bv" -- -Qx -bv root
case_ Q-with-bs 64 "$(printf '550 Can not use -Q with -bs\r')" -- -Qx -bs
case_ Q-with-bd 64 "$(printf '550 Can not use -Q with -bd\r')" -- -Qx -bd
case_ Q-with-bD 64 "Can not use -Q with -bD" -- -Qx -bD
case_ Q-with-bh 64 "Can not use -Q with -bh" -- -Qx -bh
case_ Q-then-q-with-bs 64 "$(printf '550 Can not use -Q with -bs\r\n550 Can not use -q with -bs\r')" -- -Qx -bs -qf
case_ q-then-Q-with-bs 64 "$(printf '550 Can not use -q with -bs\r\n550 Can not use -Q with -bs\r')" -- -q -bs -Qx
case_ Q-with-qL 64 "Can not use -Q with -qL" -- -Qx -qL
case_ qL-with-Q 64 "Can not use -Q with -qL" -- -qL -Qx
case_ Q-bp-then-qL 64 "Can not use -Q with -bp" -- -bp -q -Qx -qL
case_ Q-empty-queue 0 "" -- -Qx
case_ Q-with-interval 0 "" -- -Qx -q5m
case_ Q-with-persistent 0 "" -- -qp -Qx
case_ Q-with-t 0 "" -- -Qx -t
case_ Q-verbose-empty 0 "W/q: no matches
No changes" -- -v -qQ -Q
case_ two-from 64 'More than one "from" person' -- -f a -f b root
case_ from-and-r 64 'More than one "from" person' -- -f a -r b root
case_ bad-N 64 "Invalid -N argument" -- -N foo root
case_ bad-N-never 64 "Invalid -N argument" -- -N never,success root
case_ bad-R 64 "Invalid -R value" -- -R foo root
case_ dup-R 64 "Duplicate -R flag" -- -R hdrs -R full root
case_ bad-V 64 "Invalid syntax in -V flag" -- -V 'a b' root
case_ V-xtext 0 "root... deliverable: mailer local, user root" -- \
    -V a+2Bb -bv root
case_ V-xtext-lower 0 "root... deliverable: mailer local, user root" -- \
    -V a+2b -bv root
case_ V-plus-alone 64 "Invalid syntax in -V flag" -- -V a+ -bv root
case_ V-equals 64 "Invalid syntax in -V flag" -- -V a=b -bv root
case_ N-upper 0 "root... deliverable: mailer local, user root" -- \
    -N NEVER -bv root
case_ N-list 0 "root... deliverable: mailer local, user root" -- \
    -N Success,DELAY -bv root
case_ N-empty-item 64 "Invalid -N argument" -- -N failure, -bv root
case_ N-empty 64 "Invalid -N argument" -- -N '' -bv root
case_ R-upper 0 "root... deliverable: mailer local, user root" -- \
    -R HDRS -bv root
case_ bad-B 64 "Illegal body type foo
root... deliverable: mailer local, user root" -- -Bfoo -bv root
case_ good-B 0 "root... deliverable: mailer local, user root" -- \
    -B8bitmime -bv root
case_ bad-hop 64 "Bad hop count (x)" -- -h x -bp
case_ bv-none 64 "Recipient names must be specified" -- -bv
case_ bm-none 64 "Recipient names must be specified" -- -bm
case_ bad-O 70 "readcf: unknown option name Foo" -- -O Foo=bar -bv root
case_ no-cf 72 "/nonexist: line 0: cannot open: No such file or directory" \
    -- -C /nonexist -bv root
case_ bh 0 "" -- -bh
mkdir -p "$w/hs"
case_ bh-hoststat-dir 0 "" -- -O HostStatusDirectory="$w/hs" -bh
case_ bh-no-hoststat-dir 0 \
    "Warning: Cannot use HostStatusDirectory = W/nohs: No such file or directory" \
    -- -O HostStatusDirectory="$w/nohs" -bh
case_ bh-hoststat-relative 0 \
    "Warning: Cannot use HostStatusDirectory = nohs: No such file or directory" \
    -- -O HostStatusDirectory=nohs -bh
case_ hoststat-not-dir 0 \
    "Warning: Cannot use HostStatusDirectory = W/aliases: Not a directory
root... deliverable: mailer local, user root" \
    -- -O HostStatusDirectory="$w/aliases" -bv root
case_ bH 0 "" -- -bH
case_ bC 0 "" -- -bC
case_ X-no-file 73 "cannot open /nonexist/x: No such file or directory" -- \
    -X /nonexist/x -bv root
case_ ignored-flags 0 "root... deliverable: mailer local, user root" -- \
    -c -G -n -s -m -p x -e e -D x -A x -F name -bv root
case_ M-bad 70 "Unbalanced { on 
Unable to assign macro/class ID (mid = 0xffffffff)" -- '-M{' -bv root
case_ M-empty 0 "root... deliverable: mailer local, user root" -- \
    -Mx -bv root
case_ dash-dash 0 "root... deliverable: mailer local, user root" -- \
    -bv -- root

# -bP with entries: two messages queued by test/tools/queuetool
qt=$TERN_OBJ/test/tools/queuetool
mkdir -p "$w/q2"
chmod 700 "$w/q2"
if [ -x "$qt" ] &&
    echo hi | "$qt" submit "$w/q2" a@example.org b@example.net >/dev/null &&
    echo hi | "$qt" submit "$w/q2" a@example.org c@example.net >/dev/null
then
	case_ bP-shm-entries 0 "W/q2: entries=2
		Total requests: 2" -- -oQ"$w/q2" -O SharedMemoryKey=4711 -bP
	case_ bP-shm-entries-selection 0 "W/q2: entries=2
		Total requests: 2" -- -oQ"$w/q2" -O SharedMemoryKey=4711 \
	    -qRc@ -bP
else
	t_skip "cmdline: -bP with entries" "queuetool could not queue"
fi

# -q/-Q with -bt: complained about, -bt runs all the same, then 64
printf '' | "$sm" -C "$w/cf" -oQ"$w/q" -Qx -bt >"$w/got" 2>&1
echo "[exit $?]" >>"$w/got"
printf '%s\n' 'Can not use -Q with -bt' \
    'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)' \
    'Enter <ruleset> <address>' >"$w/exp"
printf '> [exit 64]\n' >>"$w/exp"
t_same "cmdline: -Q with -bt" "$w/exp" "$w/got"

# -M defines macros before the cf ($x and ${foo} in -bt, recorded)
printf '$x\n${foo}\n' | "$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -Mxfoo \
    '-M{foo}bar baz' -bt >"$w/got" 2>&1
printf '%s\n' 'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)' \
    'Enter <ruleset> <address>' '> foo' '> bar baz' >"$w/exp"
printf '> ' >>"$w/exp"
t_same "cmdline: -M macros" "$w/exp" "$w/got"

# -d alone is -d0-99.1 (sendmail: the version, then -bv goes on)
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -d -bv root >"$w/out" 2>&1 \
    </dev/null
t_check "cmdline: -d alone does not take -bv as its value" sh -c \
    "head -n 1 '$w/out' | grep -q '^Version ' &&
     grep -q '^root... deliverable: mailer local, user root\$' '$w/out'"

# -X: what the process says, "PID >>> line" (sendmail's %05d pid)
rm -f "$w/xf"
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases" -X "$w/xf" -bv root \
    >/dev/null 2>&1 </dev/null
sleep 1
sed 's/^[0-9]\{5,\} />/' "$w/xf" >"$w/got" 2>/dev/null
printf '>>>> root... deliverable: mailer local, user root\n' >"$w/exp"
t_same "cmdline: -X transcript" "$w/exp" "$w/got"

# -bi and newaliases: the counts line, the database, a non-local name
printf 'postmaster: root\nMixed: root\nfoo@other.example: root\n' \
    >"$w/aliases2"
"$sm" -C "$w/cf" -oQ"$w/q" -oA"$w/aliases2" -bi >"$w/out" 2>&1
rc=$?
sed "s|$w|W|g" "$w/out" >"$w/got"
echo "[exit $rc]" >>"$w/got"
cat >"$w/exp" <<'EXP'
W/aliases2: line 3: foo@other.example... cannot alias non-local names
W/aliases2: 2 aliases, longest 4 bytes, 23 bytes total
[exit 70]
EXP
t_same "cmdline: -bi non-local name" "$w/exp" "$w/got"
t_check "cmdline: -bi made the database" test -s "$w/aliases2.db"

# (case_ gives -oA W/aliases first: -oA adds a file, as in sendmail)
case_ bi-missing-file 0 "W/aliases: 1 aliases, longest 4 bytes, 14 bytes total
newaliases: cannot open W/nofile: No such file or directory" -- \
    -oA"$w/nofile" -bi
case_ bi-nis 0 "W/aliases: 1 aliases, longest 4 bytes, 14 bytes total" -- \
    -O AliasFile=nis:mail.aliases -bi

ln -s "$sm" "$w/newaliases"
ln -s "$sm" "$w/mailq"
ln -s "$sm" "$w/hoststat"
"$w/newaliases" -C "$w/cf" -oA"$w/aliases" >"$w/got" 2>&1
echo "$w/aliases: 1 aliases, longest 4 bytes, 14 bytes total" >"$w/exp"
t_same "cmdline: newaliases by name" "$w/exp" "$w/got"
"$w/mailq" -C "$w/cf" -oQ"$w/q" >"$w/got" 2>&1
printf '%s is empty\n\t\tTotal requests: 0\n' "$w/q" >"$w/exp"
t_same "cmdline: mailq by name" "$w/exp" "$w/got"
"$w/hoststat" -C "$w/cf" -oQ"$w/q" >"$w/got" 2>&1
: >"$w/exp"
t_same "cmdline: hoststat by name" "$w/exp" "$w/got"

# the real praliases reads what -bi built
t_reference
"$SMREF_BIN/praliases" -f "$w/aliases2" >"$w/got" 2>&1
printf '@:@\nmixed:root\npostmaster:root\n' >"$w/exp"
sort "$w/got" >"$w/got.s"
t_same "cmdline: the real praliases reads -bi's database" "$w/exp" \
    "$w/got.s"
