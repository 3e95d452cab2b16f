divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl delay.m4 -- FEATURE(`delay_checks'): check_relay and check_mail become
dnl checkrelay and checkmail (and check_rcpt's body checkrcpt); the new
dnl check_rcpt runs them once the recipient is known, so Spam: FRIEND or
dnl HATER entries of the recipient can say whether they run at all.
dnl
dnl Order: the recipient's own checks, the recipient's Spam: entry, the
dnl sender's checks, the client's checks, block_bad_helo.  A triple from
dnl one of them is the answer, after the client's TLS has been checked
dnl (DelayTLS) when the recipient's checks accepted with a triple.
dnl
divert(0)dnl

#
# delay_checks: check_rcpt runs the connection and sender checks
#
Scheck_rcpt
R$+	$: $1 $| $>checkrcpt $1
R$+ $| $#error $*	$#error $2
R$+ $| $#discard $*	$#discard $2
R$+ $| $#$*	$@ $>DelayTLS <T> $2	accepted with a triple
ifdef(`_SPAM_FH_', `dnl
ifdef(`_ACCESS_TABLE_', `', `_T_FAIL(`FEATURE(`delay_checks', `friend|hater') needs FEATURE(`access_db')')')dnl
R$+ $| $*	$: $1 $| $>DelaySpam $>CanonAddr $1
ifdef(`_SPAM_FRIEND_', `R$+ $| <FRIEND>	$@ $>DelayTLS <> SPAMFRIEND	a friend: no more checks
')dnl
ifdef(`_SPAM_HATER_', `R$+ $| <HATER>	$: $1 $| 
R$+ $| <$*>	$@ $>DelayTLS <> NOSPAMHATER	not a hater: no more checks
')dnl
')dnl
R$+ $| $*	$: $1 $| $>checkmail ifdef(`_FFR_MAIL_MACRO', `$&{mail_from}', `<$&f>')
R$+ $| $#$*	$#$2
R$+ $| $*	$: $1 $| $>checkrelay $&{client_name} $| $&{client_addr}
R$+ $| $#$*	$#$2
R$+ $| $*	$: $1
ifdef(`_BLOCK_BAD_HELO_', `dnl
# block_bad_helo: a client that did not authenticate and is not ours may
# not greet with our name, an address of ours, or a name without a dot
# (the HELO name in brackets: class w holds our names and [addresses])
R$*	$: $1 $| $&{auth_authen} $| $&{client_addr} $| [ $&s ]
R$* $| $+ $| $* $| $*	$@ $1	authenticated
R$* $| $| $=R $* $| $*	$@ $1
R$* $| $| 0 $| $*	$@ $1
R$* $| $| $* $| $=w	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| $| $* $| [ $=w ]	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| $| $* $| [ $+ . $+ ]	$@ $1
R$* $| $| $* $| [ IPv6 : $+ ]	$@ $1
R$* $| $| $* $| $*	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
')dnl
ifdef(`_SPAM_FH_', `

#
# DelaySpam: the Spam: entry of a recipient (full address, domain, and
# for our own domains user@).  <FRIEND>, <HATER>, ... or <?>.
#
SDelaySpam
R$* < @ $+ . >	$1 < @ $2 >
R$+	$: $1 < @ $j >	an unqualified recipient is ours
R$+ < @ $+ > < @ $j >	$: $1 < @ $2 >
R$+ < @ $=w >	$@ $>AccList <! Spam> $| <F: $1@$2 > <D: $2 > <U: $1@> <>
R$+ < @ $+ >	$@ $>AccList <! Spam> $| <F: $1@$2 > <D: $2 > <>
')

#
# DelayTLS: "<T> result" or "<> result": check the TLS of the client (tls_client
# for MAIL) first; then the result, as a triple with <T>.
#
SDelayTLS
R<$*> $*	$: <$1> $2 $| $>"tls_client" $&{verify} $| MAIL
R<$*> $* $| $#$*	$#$3
R<T> $* $| $*	$# $1
R<> $* $| $*	$@ $1
