# SPDX-License-Identifier: BSD-3-Clause
#
# clients.sh -- real clients deliver into the mailbox byte for byte
# (issue 6, "Done when"):
#   python3 smtplib -> riley   dot-stuffed lines, a lone dot, 8-bit bytes,
#                              a "From " line, no final newline, no Date or
#                              Message-Id (the host adds them)
#   swaks -> bob               a 10 MB message (lines of every length up
#                              to 998, leading dots, 8-bit)
#   sendmail -t -oi -> dave, erin (Cc), frank (Bcc)
#                              as MUAs call it (no -C: /etc/mail/sendmail.cf
#                              is the host's in the namespace); Bcc gone,
#                              -oi keeps a lone dot, no final newline
#   s-nail through "sendmail -t -oi" -> rich, haley (Cc) (s-nail itself
#                              never hands a Bcc: to the MTA)
# For each mailbox (one message each): the body is byte for byte the one
# sent (data/clients.py says what that is: the body, plus a final newline
# when none was sent); the header field names in order and the Received
# field (dates and queue ids masked) are sendmail 8.17's, recorded in
# data/clients/USER.fields with the real sendmail and its mail.local
# (H_MTA=real RECORD=1 sh test/protocol/clients.sh); no Bcc: field reaches
# anyone; riley's message got a Date and a Message-Id.
. "$TERN_LIB"
. "$TERN_TOP/test/protocol/lib_host.sh"
h_enter "$@"
name=clients
t_need swaks s-nail
h_prefix
d=$H_DATA/clients
o=$TMPDIR/out
mkdir -p "$o"
cl="python3 $H_DATA/clients.py"
$cl make "$o"
if ! h_start; then
	t_fail "$name: daemon" "sendmail -bD did not greet on port $H_PORT"
	exit 0
fi

t_check "$name: python3 smtplib sends" $cl smtplib "$H_PORT" "$o/smtplib.msg" \
    alice@mta.example.org riley@mta.example.org
t_check "$name: swaks sends 10 MB" swaks --server 127.0.0.1 --port "$H_PORT" \
    --helo client.example.net --from alice@mta.example.org \
    --to bob@mta.example.org --data "@$o/big.msg" --timeout 300 --silent 2
t_check "$name: sendmail -t -oi takes the message" \
    sh -c "'$H_SM' -t -oi <'$o/tflag.msg'"
printf 'Hello from s-nail.\n.\n.. two dots\nThe end.\n' >"$o/snail.msg"
cp "$o/snail.msg" "$o/snail.body"
t_check "$name: s-nail sends through sendmail -t -oi" \
    sh -c "HOME='$o' s-nail -n -S DEAD='$o/dead.letter' -S mta='$H_SM' -S mta-arguments='-t -oi' \
	-S mta-no-default-arguments -S mta-no-receiver-arguments -S sendwait \
	-S from=alice@mta.example.org -s 's-nail through sendmail -t -oi' \
	-c haley@mta.example.org rich@mta.example.org <'$o/snail.msg'"

# user message: who got which message
wait=120
for um in riley:smtplib bob:big dave:tflag erin:tflag frank:tflag \
    rich:snail haley:snail; do
	u=${um%%:*} m=${um#*:}
	if ! h_wait_mbox "$u" 1 "$wait"; then
		t_fail "$name: $u's mailbox" "no message within $wait s"
		wait=10		# all were sent long ago: do not wait as long again
		continue
	fi
	sleep 0.2
	t_check "$name: $u has exactly one message" \
	    test "$($cl count "$H/mail/$u")" -eq 1
	$cl body "$H/mail/$u" >"$o/$u.body"
	$cl fields "$H/mail/$u" >"$o/$u.fields"
	if [ "${RECORD:-0}" = 1 ]; then
		mkdir -p "$d"
		cp "$o/$u.fields" "$d/$u.fields"
	elif [ -f "$d/$u.fields" ]; then
		t_same "$name: $u: header fields and Received as sendmail's" \
		    "$d/$u.fields" "$o/$u.fields"
	else
		t_fail "$name: $u: header fields" "no fixture $d/$u.fields"
	fi
	t_same "$name: $u: the body byte for byte ($m)" "$o/$m.body" "$o/$u.body"
	t_check "$name: $u: no Bcc field" sh -c \
	    "! sed '/^\$/q' '$H/mail/$u' | grep -qi '^Bcc:'"
done
for f in Date Message-Id Received; do
	t_check "$name: riley's message got a $f field" sh -c \
	    "sed '/^\$/q' '$H/mail/riley' | grep -qi '^$f:'"
done
h_stop
if [ "${RECORD:-0}" = 1 ]; then
	t_ok "$name: recorded the fixtures with $H_SM"
fi
