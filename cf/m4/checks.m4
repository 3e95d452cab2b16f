divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl checks.m4 -- the rulesets the SMTP server calls on each command:
dnl check_relay (connection), check_mail (MAIL FROM), check_rcpt (RCPT TO)
dnl with their Local_ hooks and Basic_ bodies, Rcpt_ok / Relay_ok (may this
dnl recipient be relayed to?), the access map helpers D A F E U SearchList,
dnl CanonAddr and ParseRecipient, and the delay_checks wrapper.
dnl
dnl A ruleset answers with a triple ($#error, $#discard, $#OK, ...) to
dnl decide, or with any other workspace to let the command through.
dnl
divert(0)dnl

#
# CanonAddr: canonify and check an address (no mailer chosen).
#
SCanonAddr
R$*	$: $>Parse0 $>canonify $1
ifdef(`_USE_DEPRECATED_ROUTE_ADDR_', `dnl
R< @ $+ > : $* @ $*	< @ $1 > : $2 % $3
R$* < @ $+ > : $* : $*	$3 $1 < @ $2 > : $4
R$* < @ $+ > : $*	$3 $1 < @ $2 >
')dnl

#
# ParseRecipient: the final destination of a recipient, after peeling
# off hosts we relay for from user%host@relayhost style addresses.
#
SParseRecipient
R$*	$: <?> $>CanonAddr $1
R<?> $* < @ $* . >	<?> $1 < @ $2 >
R<?> $- < @ $* >	$: <?> $(dequote $1 $) < @ $2 >
R<?> $* $=O $* < @ $* >	$: <NO> $1 $2 $3 < @ $4>
R<?> $*	$@ $1	no route inside the local part
ifdef(`_RELAY_ENTIRE_DOMAIN_', `R<NO> $* < @ $* $=m >	$: <RELAY> $1 < @ $2 $3 >
')dnl
ifdef(`_RELAY_HOSTS_ONLY_', `dnl
R<NO> $* < @ $=R >	$: <RELAY> $1 < @ $2 >
ifdef(`_ACCESS_TABLE_', `dnl
R<NO> $* < @ $+ >	$: <$(access To:$2 $: NO $)> $1 < @ $2 >
R<NO> $* < @ $+ >	$: <$(access $2 $: NO $)> $1 < @ $2 >
')', `dnl
R<NO> $* < @ $* $=R >	$: <RELAY> $1 < @ $2 $3 >
ifdef(`_ACCESS_TABLE_', `dnl
R<NO> $* < @ $+ >	$: $>D <$2> <NO> <+ To> <$1 < @ $2 >>
R<$+> <$+>	$: <$1> $2
')')dnl
ifdef(`_RELAY_MX_SERVED_', `dnl
R<NO> $* < @ $+ >	$: <MX> < : $(mxserved $2 $) : > < $1 < @$2 > >
R<MX> < : $* <TEMP> : > $*	$#TEMP $@ 4.4.0 $: "450 Can not check MX records for recipient host " $1
R<MX> < $* : $=w. : $* > < $+ >	$: <RELAY> $4
R<MX> < : $* : > < $+ >	$: <NO> $2
')dnl
R<RELAY> $* < @ $* >	$@ $>ParseRecipient $1
R<$+> $*	$@ $2
ifdef(`_CONTROL_IMMEDIATE_', `dnl

#
# check_relay with ratecontrol/conncontrol "nodelay": at connection time
#
Scheck_relay
ifdef(`_RATE_CONTROL_IMMEDIATE_', `R$*	$: $>"RateControl" dummy
')dnl
ifdef(`_CONN_CONTROL_IMMEDIATE_', `R$*	$: $>"ConnControl" dummy
')')dnl

#
# check_relay: input "client name $| client address"
#
SLocal_check_relay
Scheck`'_U_`'relay
ifdef(`_USE_CLIENT_PTR_', `R$* $| $*	$: $&{client_ptr} $| $2
')dnl
R$*	$: $1 $| $>"Local_check_relay" $1
R$* $| $* $| $#$*	$#$3
R$* $| $* $| $*	$@ $>"Basic_check_relay" $1 $| $2

SBasic_check_relay
R$*	$: < $&{deliveryMode} > $1
R< d > $*	$@ deferred	deferred mode: no checks
R< $* > $*	$: $2
ifdef(`_ACCESS_TABLE_', `dnl
R$+ $| $+	$: $>D < $1 > <?> <+ Connect> < $2 >
R   $| $+	$: $>A < $1 > <?> <+ Connect> <>
R<?> <$+>	$: $>A < $1 > <?> <+ Connect> <>
R<?> <$*>	$: OK
R<$={Accept}> <$*>	$@ $1
R<REJECT> <$*>	$#error ifdef(`confREJECT_MSG', `$: confREJECT_MSG', `$@ 5.7.1 $: "550 Access denied"')
R<DISCARD> <$*>	$#discard $: discard
R<QUARANTINE:$+> <$*>	$#error $@ quarantine $: $1
R<ERROR:$-.$-.$-:$+> <$*>	$#error $@ $1.$2.$3 $: $4
R<ERROR:$+> <$*>	$#error $: $1
R<$* _ATMPF_> <$*>	$#error $@ 4.3.0 $: _TMPFMSG_(`CR')
R<$+> <$*>	$#error $: $1
')dnl
ifdef(`_RATE_CONTROL_', `ifdef(`_RATE_CONTROL_IMMEDIATE_', `', `R$*	$: $>"RateControl" dummy
')')dnl
ifdef(`_CONN_CONTROL_', `ifdef(`_CONN_CONTROL_IMMEDIATE_', `', `R$*	$: $>"ConnControl" dummy
')')dnl
undivert(18)dnl
ifdef(`_REQUIRE_RDNS_', `dnl
R$*	$: $&{client_addr} $| $&{client_resolve}
R$=R $*	$@ RELAY
R$* $| OK	$@ OK
R$* $| FAIL	$#error $@ 5.7.1 $: 550 Fix reverse DNS for $1
R$* $| TEMP	$#error $@ 4.1.8 $: 451 Client IP address $1 does not resolve
R$* $| FORGED	$#error $@ 4.1.8 $: 451 Possibly forged hostname for $1
')dnl

#
# check_mail: input the MAIL FROM address
#
SLocal_check_mail
Scheck`'_U_`'mail
R$*	$: $1 $| $>"Local_check_mail" $1
R$* $| $#$*	$#$2
R$* $| $*	$@ $>"Basic_check_mail" $1

SBasic_check_mail
R$*	$: < $&{deliveryMode} > $1
R< d > $*	$@ deferred
R< $* > $*	$: $2
R$*	$: $1 $| $>"tls_client" $&{verify} $| MAIL
R$* $| $#$+	$#$2
R$* $| $*	$: $1
R<>	$@ <OK>	the null sender is always accepted
ifdef(`_ACCEPT_UNQUALIFIED_SENDERS_', `', `dnl
# user@localhost and the like only from this host
R$+	$: <?> $1
R<?><$+>	$: <@> <$1>
R<?>$+	$: <@> <$1>
R$*	$: $&{daemon_flags} $| $1
R$* f $* $| <@> < $* @ $- >	$: < ? $&{client_name} > < $3 @ $4 >
R$* u $* $| <@> < $* >	$: <?> < $3 >
R$* $| $*	$: $2
R<@> < $* @ localhost >	$: < ? $&{client_name} > < $1 @ localhost >
R<@> < $* @ [127.0.0.1] >	$: < ? $&{client_name} > < $1 @ [127.0.0.1] >
R<@> < $* @ [IPv6:0:0:0:0:0:0:0:1] >	$: < ? $&{client_name} > < $1 @ [IPv6:0:0:0:0:0:0:0:1] >
R<@> < $* @ [IPv6:::1] >	$: < ? $&{client_name} > < $1 @ [IPv6:::1] >
R<@> < $* @ localhost.$m >	$: < ? $&{client_name} > < $1 @ localhost.$m >
ifdef(`_NO_UUCP_', `', `R<@> < $* @ localhost.UUCP >	$: < ? $&{client_name} > < $1 @ localhost.UUCP >
')dnl
R<@> $*	$: $1
R<? $=w> $*	$: $2
R<? $+> <$+>	$#error $@ 5.5.4 $: "553 Real domain name required for sender address"
R<?> $*	$: $1
')dnl
R$*	$: <?> $>CanonAddr $1
R<?> $* < @ $+ . >	<?> $1 < @ $2 >
R<?> $* < @ $* $=P >	$: <_RES_OK_> $1 < @ $2 $3 >
R<?> $* < @ $j >	$: <_RES_OK_> $1 < @ $j >
ifdef(`_ACCEPT_UNRESOLVABLE_DOMAINS_', `R<?> $* < @ $+ >	$: <_RES_OK_> $1 < @ $2 >
', `R<?> $* < @ $+ >	$: <? $(resolve $2 $: $2 <PERM> $) > $1 < @ $2 >
R<? $* <$->> $* < @ $+ >	$: <$2> $3 < @ $4 >
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
# From: entries of the access map: full address, user@, domain
R<$+> $+ < @ $* >	$: @<$1> <$2 < @ $3 >> $| <F:$2@$3> <U:$2@> <D:$3>
R<$+> $+	$: @<$1> <$2> $| <U:$2@>
R@ <$+> <$*> $| <$+>	$: <@> <$1> <$2> $| $>SearchList <+ From> $| <$3> <>
R<@> <$+> <$*> $| <$*>	$: <$3> <$1> <$2>
R<?> <$+> <$*>	$: <$1> $2
R<$+> <$+> <$*>	$: <$1> $3
')dnl
ifdef(`_ACCEPT_UNQUALIFIED_SENDERS_', `', `dnl
R<?> $*	$: $&{daemon_flags} $| <?> $1
R$* u $* $| <?> $*	$: <_RES_OK_> $3
R$* $| $*	$: $2
R<?> $*	$: < ? $&{client_addr} > $1
R<?> $*	$@ <_RES_OK_>	unqualified from this host
R<? $+> $*	$#error $@ 5.5.4 $: "553 Domain name required for sender address " $&f
')dnl
R<?> $*	$: @ $1
R<$={ResOk}> $*	$: @ $2
R<TEMP> $*	$#error $@ 4.1.8 $: "451 Domain of sender address " $&f " does not resolve"
R<PERM> $*	$#error $@ 5.1.8 $: "553 Domain of sender address " $&f " does not exist"
ifdef(`_ACCESS_TABLE_', `dnl
R<$={Accept}> $*	$# $1
R<DISCARD> $*	$#discard $: discard
R<QUARANTINE:$+> $*	$#error $@ quarantine $: $1
R<REJECT> $*	$#error ifdef(`confREJECT_MSG', `$: confREJECT_MSG', `$@ 5.7.1 $: "550 Access denied"')
R<ERROR:$-.$-.$-:$+> $*	$#error $@ $1.$2.$3 $: $4
R<ERROR:$+> $*	$#error $: $1
R<_ATMPF_> $*	$#error $@ 4.3.0 $: _TMPFMSG_(`CM')
R<$+> $*	$#error $: $1
')dnl
ifdef(`_BADMX_CHK_', `dnl
R@ $*<@$+>$*	$: $1<@$2>$3 $| $>BadMX $2
R$* $| $#$*	$#$2

SBadMX
R$+	$:<MX><$1><:$(mxlist $1$):><:>
R<MX><$+><:$*<TEMP>:><$*>	$#error $@ 4.1.2 $: "450 MX lookup failure for "$1
R<MX><$*><:$+:$*><:$*>	<MX><$1><:$3><: $4 $(badmx $2 $):>
R<MX><$*><$*><$*<BADMX>:$*>	$#error $@ 5.1.2 $:"550 Illegal MX record for host "$1
R<MX><$*><$*><$*>	$:<MX><$1><$3><$2>
R<MX><$*><:$+:$*><:$*>	<MX><$1><:$3><:$4 $(dnsA $2 $) :>
R<MX><$*><$*><$*>	$:<MX><$1><$3><$2>
R<MX><$*><:$+:$*><:$*>	<MX><$1><:$3><:$4 $(BadMXIP $2 $) :>
R<MX><$*><$*><$*<BADMXIP>:$*>	$#error $@ 5.1.2 $:"550 Invalid MX record for host "$1
')dnl

#
# check_rcpt: input the RCPT TO address
#
SLocal_check_rcpt
Scheck`'_U_`'rcpt
R$*	$: $1 $| $>"Local_check_rcpt" $1
R$* $| $#$*	$#$2
R$* $| $*	$@ $>"Basic_check_rcpt" $1

SBasic_check_rcpt
R<>	$#error $@ nouser $: "553 User address required"
R$@	$#error $@ nouser $: "553 User address required"
R$*	$: < $&{deliveryMode} > $1
R< d > $*	$@ deferred
R< $* > $*	$: $2
ifdef(`_REQUIRE_QUAL_RCPT_', `dnl
R$+	$: <?> $1
R<?> <$+>	$: <@> <$1>
R<?> $+	$: <@> <$1>
R<@> < postmaster >	$: postmaster
R<@> < $* @ $+ . $+ >	$: < $1 @ $2 . $3 >
R<@> $*	$: $&{daemon_flags} $| <@> $1
R$* r $* $| <@> < $+ @ $+ >	$: < $3 @ $4 >
R$* r $* $| <@> < $* >	$: < ? $&{client_name} > < $3 >
R<?> < $* >	$: <$1>
R<? $=w> < $* >	$: <$1>
R<? $+> <$+>	$#error $@ 5.5.4 $: "553 Fully qualified domain name required"
R$* $| <@> $*	$: $2
')dnl
# Rcpt_ok: is the recipient acceptable?  Relay_ok: is the client allowed
# to relay?  $#TEMP is a temporary failure to remember, other triples end
# the check, RELAY accepts.
R$*	$: $1 $| @ $>"Rcpt_ok" $1
R$* $| @ $#TEMP $+	$: $1 $| T $2
R$* $| @ $#$*	$#$2
ifdef(`_PROMISCUOUS_RELAY_', `', `dnl
R$* $| @ RELAY	$@ RELAY
R$* $| @ $*	$: O $| $>"Relay_ok" $1
R$* $| T $+	$: T $2 $| $>"Relay_ok" $1
R$* $| $#TEMP $+	$#error $2
R$* $| $#$*	$#$2
R$* $| RELAY	$@ RELAY
R T $+ $| $*	$#error $1
R$*	$#error $@ 5.7.1 $: confRELAY_MSG
')dnl

SRcpt_ok
ifdef(`_LOOSE_RELAY_CHECK_', `dnl
R$*	$: $>CanonAddr $1
R$* < @ $* . >	$1 < @ $2 >
', `R$*	$: $>ParseRecipient $1
')dnl
ifdef(`_BESTMX_IS_LOCAL_', `dnl
ifelse(_BESTMX_IS_LOCAL_, `', `R$* < @ $* > $*	$: $1 < @ $2 @@ $(bestmx $2 $) > $3
', `R$* < @ $* $=B > $*	$: $1 < @ $2 $3 @@ $(bestmx $2 $3 $) > $4
')dnl
R$* $=O $* < @ $* @@ $=w . > $*	$@ $>"Rcpt_ok" $1 $2 $3
R$* < @ $* @@ $=w . > $*	$: $1 < @ $3 > $4
R$* < @ $* @@ $* > $*	$: $1 < @ $2 > $4
')dnl
ifdef(`_BLOCKLIST_RCPT_', `ifdef(`_ACCESS_TABLE_', `dnl
# To: entries of the access map that refuse a recipient
R$*	$: <?> $1
R<?> $+ < @ $=w >	$: <> <$1 < @ $2 >> $| <F:$1@$2> <U:$1@> <D:$2>
R<?> $+ < @ $* >	$: <> <$1 < @ $2 >> $| <F:$1@$2> <D:$2>
R<?> $+	$: <> <$1> $| <U:$1@>
R<> <$*> $| <$+>	$: <@> <$1> $| $>SearchList <+ To> $| <$2> <>
R<@> <$*> $| <$*>	$: <$2> <$1>
R<?> <$*>	$: @ $1
R<$={Accept}> <$*>	$: @ $2
ifdef(`_ACCESS_SKIP_', `R<SKIP> <$*>	$: @ $1
')dnl
ifdef(`_DELAY_COMPAT_8_10_', `R<$={SpamTag}> <$*>	$: @ $2
')dnl
R<REJECT> $*	$#error $@ 5.2.1 $: confRCPTREJ_MSG
R<DISCARD> $*	$#discard $: discard
R<QUARANTINE:$+> $*	$#error $@ quarantine $: $1
R<ERROR:$-.$-.$-:$+> $*	$#error $@ $1.$2.$3 $: $4
R<ERROR:$+> $*	$#error $: $1
R<_ATMPF_> $*	$#error $@ 4.3.0 $: _TMPFMSG_(`ROK1')
R<$+> $*	$#error $: $1
R@ $*	$1
')')dnl
ifdef(`_PROMISCUOUS_RELAY_', `', `dnl
R$*	$: $1 $| $>RelayTLS	a verified TLS client may relay
R$* $| $# $+	$# $2
R$* $| $*	$: $1
R$*	$: $1 $| $>"Local_Relay_Auth" $&{auth_type}
R$* $| $# $*	$# $2
R$* $| NO	$: $1
R$* $| $*	$: $1 $| $&{auth_type}
R$* $|	$: $1
R$* $| $={TrustAuthMech}	$# RELAY
R$* $| $*	$: $1
ifelse(defn(`_NO_UUCP_'), `r', `dnl
R$* ! $* < @ $* >	$: <REMOTE> $2 < @ BANG_PATH >
R$* ! $*	$: <REMOTE> $2 < @ BANG_PATH >
')dnl
ifelse(defn(`_NO_PERCENTHACK_'), `r', `dnl
R$* % $* < @ $* >	$: <REMOTE> $1 < @ PERCENT_HACK >
R$* % $*	$: <REMOTE> $1 < @ PERCENT_HACK >
')dnl
# mail for this host or for relay domains
ifdef(`_RELAY_ENTIRE_DOMAIN_', `R$+ < @ $* $=m >	$@ RELAY
')dnl
R$+ < @ $=w >	$@ RELAY
ifdef(`_RELAY_HOSTS_ONLY_', `dnl
R$+ < @ $=R >	$@ RELAY
ifdef(`_ACCESS_TABLE_', `ifdef(`_RELAY_FULL_ADDR_', `dnl
R$+ < @ $+ >	$: <$(access To:$1@$2 $: ? $)> <$1 < @ $2 >>
R<?> <$+ < @ $+ >>	$: <$(access To:$2 $: ? $)> <$1 < @ $2 >>
', `R$+ < @ $+ >	$: <$(access To:$2 $: ? $)> <$1 < @ $2 >>
')dnl
R<?> <$+ < @ $+ >>	$: <$(access $2 $: ? $)> <$1 < @ $2 >>
')', `dnl
R$+ < @ $* $=R >	$@ RELAY
ifdef(`_ACCESS_TABLE_', `ifdef(`_RELAY_FULL_ADDR_', `dnl
R$+ < @ $+ >	$: $1 < @ $2 > $| $>SearchList <+ To> $| <F:$1@$2> <D:$2> <F:$1@> <>
R$+ < @ $+ > $| <$*>	$: <$3> <$1 <@ $2>>
R$+ < @ $+ > $| $*	$: <$3> <$1 <@ $2>>
', `R$+ < @ $+ >	$: $>D <$2> <?> <+ To> <$1 < @ $2 >>
')')')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R<RELAY> $*	$@ RELAY
R<$* _ATMPF_> $*	$#TEMP $@ 4.3.0 $: _TMPFMSG_(`ROK2')
R<$*> <$*>	$: $2
')dnl
ifdef(`_RELAY_MX_SERVED_', `dnl
R$+ < @ $+ >	$: < : $(mxserved $2 $) : > $1 < @ $2 >
R< : $* <TEMP> : > $*	$#TEMP $@ 4.4.0 $: "450 Can not check MX records for recipient host " $1
R<$* : $=w . : $*> $*	$@ RELAY
R< : $* : > $*	$: $2
')dnl
# a local part alone is ours
R$*	$: <?> $1
R<?> $* < @ $+ >	$: <REMOTE> $1 < @ $2 >
ifdef(`_REQUIRE_QUAL_RCPT_', `dnl
R<?> postmaster	$@ OK
R<?> $+	$: $&{daemon_flags} $| <?> $1
R$* r $* $| <?> $+	$: < ? $&{client_name} > <?> $3
R$* $| <?> $+	$@ RELAY
R<?> <?> $+	$@ RELAY
R<? $=w> <?> $+	$@ RELAY
R<? $+> $+	$#error $@ 5.5.4 $: "553 Domain name required"
', `R<?> $+	$@ RELAY
')dnl
R<$+> $*	$: $2

SRelay_ok
R$*	$: $&{client_addr}
R$@	$@ RELAY	no client address: submitted on this host
R0	$@ RELAY
R127.0.0.1	$@ RELAY
RIPv6:0:0:0:0:0:0:0:1	$@ RELAY
RIPv6:::1	$@ RELAY
R$=R $*	$@ RELAY	class R: relay for these networks
ifdef(`_DRAC_', `dnl
R$*	$: <> $(drac $1 $: <?> $1 $)
R<> <?> $+	$: $1
R<> $+	$@ RELAY
RIPv6:$*	$: <> $(drac $1 $: <?> IPv6:$1 $)
R<> <?> $+	$: $1
R<> $+	$@ RELAY
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $>A <$1> <?> <+ Connect> <$1>
R<RELAY> $*	$@ RELAY
ifdef(`_FFR_REJECT_IP_IN_CHECK_RCPT_', `R<REJECT> $*	$@ REJECT
')dnl
R<_ATMPF_> $*	$#TEMP $@ 4.3.0 $: _TMPFMSG_(`YOK1')
R<$*> <$*>	$: $2
')dnl
R$*	$: [ $1 ]
R$=w	$@ RELAY	one of our own addresses
ifdef(`_RELAY_DB_FROM_', `define(`_RELAY_MAIL_FROM_', `1')')dnl
ifdef(`_RELAY_LOCAL_FROM_', `define(`_RELAY_MAIL_FROM_', `1')')dnl
ifdef(`_RELAY_MAIL_FROM_', `dnl
R$*	$: <?> $>CanonAddr $&f
R<?> $+ < @ $+ . >	<?> $1 < @ $2 >
ifdef(`_RELAY_LOCAL_FROM_', `R<?> $+ < @ $=w >	$@ RELAY
')dnl
ifdef(`_RELAY_DB_FROM_', `dnl
R<?> $+ < @ $+ >	$: <@> $>SearchList <! From> $| <F:$1@$2> ifdef(`_RELAY_DB_FROM_DOMAIN_', ifdef(`_RELAY_HOSTS_ONLY_', `<E:$2>', `<D:$2>')) <>
R<@> <RELAY>	$@ RELAY
R<@> <_ATMPF_>	$#TEMP $@ 4.3.0 $: _TMPFMSG_(`YOK2')
')')dnl
R$*	$: < $&{client_resolve} >
R<TEMP>	$#TEMP $@ 4.4.0 $: "450 Relaying temporarily denied. Cannot resolve PTR record for " $&{client_addr}
R<FORGED>	$#error $@ 5.7.1 $: "550 Relaying denied. IP name possibly forged " $&{client_name}
R<FAIL>	$#error $@ 5.7.1 $: "550 Relaying denied. IP name lookup failed " $&{client_name}
R$*	$: <@> $&{client_name}
R<@> $* $=P	$:<?>  $1 $2
R<@> $+	$:<?>  $[ $1 $]
R$* .	$1
ifdef(`_RELAY_ENTIRE_DOMAIN_', `R<?> $* $=m	$@ RELAY
')dnl
R<?> $=w	$@ RELAY
ifdef(`_RELAY_HOSTS_ONLY_', `dnl
R<?> $=R	$@ RELAY
ifdef(`_ACCESS_TABLE_', `dnl
R<?> $*	$: <$(access Connect:$1 $: ? $)> <$1>
R<?> <$*>	$: <$(access $1 $: ? $)> <$1>
')', `dnl
R<?> $* $=R	$@ RELAY
ifdef(`_ACCESS_TABLE_', `R<?> $*	$: $>D <$1> <?> <+ Connect> <$1>
')')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R<RELAY> $*	$@ RELAY
R<$* _ATMPF_> $*	$#TEMP $@ 4.3.0 $: _TMPFMSG_(`YOK3')
R<$*> <$*>	$: $2
')dnl
')dnl end of the relay checks (none with promiscuous_relay)
ifdef(`_DELAY_CHECKS_', `include(_CF_DIR_`m4/delay.m4')')dnl
ifdef(`_ACCESS_TABLE_', `include(_CF_DIR_`m4/access.m4')')dnl
