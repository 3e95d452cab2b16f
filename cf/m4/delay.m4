divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl delay.m4 -- FEATURE(delay_checks): check_mail and check_relay become
dnl checkmail and checkrelay, and check_rcpt calls them after the recipient
dnl is known (so a spam friend or hater entry of the recipient can decide).
dnl
divert(0)dnl

#
# delay_checks: check_rcpt runs the connection and sender checks
#
SFullAddr
R$* <@ $+ . >	$1 <@ $2 >
R$* <@ $* >	$@ $1 <@ $2 >
R$+	$@ $1 <@ $j >

SDelay_TLS_Clt
R$*	$: $1 $| $>"tls_client" $&{verify} $| MAIL
R$* $| $#$+	$#$2
R$* $| $*	$# $1
R$*	$# $1

SDelay_TLS_Clt2
R$*	$: $1 $| $>"tls_client" $&{verify} $| MAIL
R$* $| $#$+	$#$2
R$* $| $*	$@ $1
R$*	$@ $1

Scheck_rcpt
R$+	$: $1 $| $>checkrcpt $1
R$+ $| $#error $*	$#error $2
R$+ $| $#discard $*	$#discard $2
R$+ $| $#$*	$@ $>"Delay_TLS_Clt" $2
R$+ $| $*	$: <?> $>FullAddr $>CanonAddr $1
ifdef(`_SPAM_FH_', `dnl
ifdef(`_ACCESS_TABLE_', `', `_T_FAIL(`FEATURE(`delay_checks', `friend|hater') needs FEATURE(`access_db')')')dnl
R<?> $+ < @ $=w >	$: <> $1 < @ $2 > $| <F: $1@$2 > <D: $2 > <U: $1@>
R<?> $+ < @ $* >	$: <> $1 < @ $2 > $| <F: $1@$2 > <D: $2 >
R<> $* $| <$+>	$: <@> $1 $| $>SearchList <! Spam> $| <$2> <>
R<@> $* $| $*	$: $2 $1
')dnl
ifdef(`_SPAM_FRIEND_', `dnl
R<FRIEND> $+	$@ $>"Delay_TLS_Clt2" SPAMFRIEND
R<$*> $+	$: $2
')dnl
ifdef(`_SPAM_HATER_', `dnl
R<HATER> $+	$: $1
R<$*> $+	$@ $>"Delay_TLS_Clt2" NOSPAMHATER
')dnl
ifdef(`_FFR_MAIL_MACRO', `R$*	$: $1 $| $>checkmail $&{mail_from}
', `R$*	$: $1 $| $>checkmail <$&f>
')dnl
R$* $| $#$*	$#$2
R$* $| $*	$: $1 $| $>checkrelay $&{client_name} $| $&{client_addr}
R$* $| $#$*	$#$2
R$* $| $*	$: $1
ifdef(`_BLOCK_BAD_HELO_', `dnl
R$*	$: $1 $| <$&{auth_authen}>
R$* $| <$+>	$: $1
R$* $| <$*>	$: $1 $| <$&{client_addr}> [$&s]
R$* $| <$=R $*> [$*]	$: $1
R$* $| <0> [$*]	$: $1
R$* $| <$*> $=w	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| <$*> [$=w]	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| <$*> [$+.$+]	$: $1
R$* $| <$*> [IPv6:$+]	$: $1
R$* $| <$*> [$*]	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| $*	$: $1
')dnl
