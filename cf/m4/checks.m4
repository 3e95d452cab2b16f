divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl checks.m4 -- the rulesets the SMTP server calls on each command:
dnl check_relay (connection: "name $| address"), check_mail (MAIL FROM),
dnl check_rcpt (RCPT TO).  Each first asks the site's Local_ ruleset, then
dnl its Basic_ ruleset.  A triple ($#error, $#discard, $#OK, ...) decides;
dnl any other result lets the command through.
dnl
dnl How check_rcpt is cut up here:
dnl	RcptWanted   does the access map refuse this recipient?
dnl		     (blocklist_recipients)
dnl	RelayAuthed  may the client relay because of its certificate or
dnl		     its AUTH?
dnl	RcptHere     is the recipient ours, or a domain we relay to?
dnl	RelayClient  is the client one we relay for (address, name,
dnl		     sender with relay_mail_from)?
dnl	RcptDest     where a recipient really goes: user%host@ourdomain
dnl		     peeled while the hosts are ours to relay to
dnl Access-map outcomes are turned into replies by one ruleset, AccReply.
dnl
dnl The value RELAY ends a relay question with yes; a triple $#TEMP is a
dnl temporary failure that is reported only if nothing else allows relaying.
dnl
divert(0)dnl

#
# CanonAddr: an address canonified and checked, no mailer chosen.
#
SCanonAddr
ifdef(`_USE_DEPRECATED_ROUTE_ADDR_', `dnl
R$*	$: $>Parse0 $>canonify $1
# a source route: the last host of the route becomes the focus
R< @ $+ > : $* @ $*	< @ $1 > : $2 % $3
R$* < @ $+ > : $* : $*	$3 $1 < @ $2 > : $4
R$* < @ $+ > : $*	$@ $3 $1 < @ $2 >
', `R$*	$@ $>Parse0 $>canonify $1
')dnl

#
# AccReply: "<value from the access map> <code for REJECT>" into a reply.
# An empty result means: no decision here.
#
SAccReply
R<?> <$*>	$@
R<$={Accept}> <$*>	$@
R<DISCARD> <$*>	$#discard $: discard
R<QUARANTINE:$+> <$*>	$#error $@ quarantine $: $1
R<ERROR:$-.$-.$-:$+> <$*>	$#error $@ $1.$2.$3 $: $4
R<ERROR:$+> <$*>	$#error $: $1
R<REJECT> <RCPT>	$#error $@ 5.2.1 $: confRCPTREJ_MSG
R<REJECT> <$*>	$#error ifdef(`confREJECT_MSG', `$: confREJECT_MSG', `$@ 5.7.1 $: "550 Access denied"')
R<_ATMPF_> <$->	$#error $@ 4.3.0 $: _TMPFMSG_(`$2')
R<$+> <$*>	$#error $: $1	any other value is the text of a refusal
ifdef(`_CONTROL_IMMEDIATE_', `dnl

#
# check_relay with ratecontrol/conncontrol `nodelay' under delay_checks:
# the limits at connection time, the rest from check_rcpt
#
Scheck_relay
ifdef(`_RATE_CONTROL_IMMEDIATE_', `R$*	$: $>"RateControl" dummy
')dnl
ifdef(`_CONN_CONTROL_IMMEDIATE_', `R$*	$: $>"ConnControl" dummy
')')dnl

#
# check_relay: "client name $| client address"
#
SLocal_check_relay
Scheck`'_U_`'relay
ifdef(`_USE_CLIENT_PTR_', `R$* $| $*	$: $&{client_ptr} $| $2	the name as the PTR record gives it
')dnl
R$*	$: $1 $| $>"Local_check_relay" $1
R$* $| $* $| $#$*	$#$3	the site decided
R$* $| $* $| $*	$@ $>"Basic_check_relay" $1 $| $2

SBasic_check_relay
R$*	$: $&{deliveryMode} $| $1
Rd $| $*	$@ deferred	queued without checks
R$* $| $*	$: $2
ifdef(`_ACCESS_TABLE_', `dnl
# Connect: the name, then the address (an unknown name: the address only)
R$+ $| $+	$: $1 $| $2 $| $>AccHost <+ Connect> <$1>
R$+ $| $+ $| <?>	$: $1 $| $2 $| $>AccIP <+ Connect> <$2>
R $| $+	$: $| $1 $| $>AccIP <+ Connect> <$1>
R$* $| $* $| <$={Accept}>	$@ $3	the client is welcome: no more checks
R$* $| $* $| <$*>	$: $1 $| $2 $| $>AccReply <$3> <CR>
R$* $| $* $| $#$*	$#$3
R$* $| $* $| $*	$: $1 $| $2
')dnl
ifdef(`_RATE_CONTROL_', `ifdef(`_RATE_CONTROL_IMMEDIATE_', `', `R$*	$: $>"RateControl" dummy
')')dnl
ifdef(`_CONN_CONTROL_', `ifdef(`_CONN_CONTROL_IMMEDIATE_', `', `R$*	$: $>"ConnControl" dummy
')')dnl
undivert(18)dnl
ifdef(`_REQUIRE_RDNS_', `dnl
# require_rdns: the reverse lookup of the client must have worked
R$*	$: $&{client_addr} $| $&{client_resolve}
R$=R $*	$@ RELAY	relay networks are exempt
R$* $| OK	$@ OK
R$* $| FAIL	$#error $@ 5.7.1 $: 550 Fix reverse DNS for $1
R$* $| TEMP	$#error $@ 4.1.8 $: 451 Client IP address $1 does not resolve
R$* $| FORGED	$#error $@ 4.1.8 $: 451 Possibly forged hostname for $1
')dnl

#
# check_mail: the MAIL FROM address
#
SLocal_check_mail
Scheck`'_U_`'mail
R$*	$: $1 $| $>"Local_check_mail" $1
R$* $| $#$*	$#$2	the site decided
R$* $| $*	$@ $>"Basic_check_mail" $1

SBasic_check_mail
R$*	$: $&{deliveryMode} $| $1
Rd $| $*	$@ deferred
R$* $| $*	$: $2
R$*	$: $1 $| $>"tls_client" $&{verify} $| MAIL	TLS of the client first
R$* $| $#$*	$#$2
R$* $| $*	$: $1
R<>	$@ <OK>	the null sender is always fine
ifdef(`_ACCEPT_UNQUALIFIED_SENDERS_', `', `dnl
R$*	$: $>SenderLocalhost $1
R$#$*	$#$1
')dnl
# the domain of the sender: <tag> user < @ domain >, tag OKR when it resolves
# (or needs not), PERM when it does not exist, TEMP when that is unknown;
# <?> user for a sender without domain
R$*	$: <?> $>CanonAddr $1
R<?> $* < @ $+ . >	<?> $1 < @ $2 >
R<?> $* < @ $* $=P >	$: <_RES_OK_> $1 < @ $2 $3 >	a pseudo domain
R<?> $* < @ $j >	$: <_RES_OK_> $1 < @ $j >
ifdef(`_ACCEPT_UNRESOLVABLE_DOMAINS_', `R<?> $* < @ $+ >	$: <_RES_OK_> $1 < @ $2 >
', `R<?> $* < @ $+ >	$: <$(resolve $2 $: $2 <PERM> $)> $1 < @ $2 >
R<$* <$->> $* < @ $+ >	$: <$2> $3 < @ $4 >
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
# From: entries (full address, user@, domain) override the tag
R<$+> $+	$: <$1> $2 $| $>SenderAccess $2
R<$+> $* $| <?>	$: <$1> $2
R<$+> $* $| <$*>	$: <$3> $2
')dnl
ifdef(`_ACCEPT_UNQUALIFIED_SENDERS_', `', `dnl
# no domain at all: only from this host or through a daemon with u
R<?> $*	$: <?> $1 $| $&{daemon_flags}
R<?> $* $| $* u $*	$: <_RES_OK_> $1
R<?> $* $| $*	$: <?> $1 $| $&{client_addr}
R<?> $* $|	$@ <_RES_OK_>	submitted on this host
R<?> $* $| $+	$#error $@ 5.5.4 $: "553 Domain name required for sender address " $&f
')dnl
R<?> $*	$: @ $1	@: accepted so far
R<$={ResOk}> $*	$: @ $2
R<TEMP> $*	$#error $@ 4.1.8 $: "451 Domain of sender address " $&f " does not resolve"
R<PERM> $*	$#error $@ 5.1.8 $: "553 Domain of sender address " $&f " does not exist"
ifdef(`_ACCESS_TABLE_', `dnl
R<$={Accept}> $*	$# $1	From: OK or RELAY
R<$+> $*	$: <$2> $>AccReply <$1> <CM>
R<$*> $#$*	$#$2
R<$*> $*	$: $1
')dnl
ifdef(`_BADMX_CHK_', `dnl
R@ $* < @ $+ > $*	$: @ $1 < @ $2 > $3 $| $>BadMX $2
R$* $| $#$*	$#$2

#
# BadMX: the MX hosts of the domain of the sender ("mx1.:mx2." from mxlist)
# must be names, not addresses or "." (BadMXNames), and their addresses
# not match the badmx regex (BadMXAddrs)
#
SBadMX
R$+	$: $1 $| : $(mxlist $1 $) :
R$+ $| $* <TEMP> $*	$#error $@ 4.1.2 $: "450 MX lookup failure for "$1
R$+ $| $*	$: $1 $| $2 $| $>BadMXNames $1 $| $2
R$+ $| $* $| $#$*	$#$3
R$+ $| $* $| $*	$@ $>BadMXAddrs $1 $| $2

SBadMXNames
R$+ $| : $+ : $*	$: $1 $| $(badmx $2 $) $| : $3
R$+ $| $* <BADMX> $| $*	$#error $@ 5.1.2 $:"550 Illegal MX record for host "$1
R$+ $| $* $| : $+	$@ $>BadMXNames $1 $| : $3
R$*	$@

SBadMXAddrs
R$+ $| : $+ : $*	$: $1 $| $(dnsA $2 $) $| : $3
R$+ $| $+ $| $*	$: $1 $| $(BadMXIP $2 $) $| $3
R$+ $| $* <BADMXIP> $| $*	$#error $@ 5.1.2 $:"550 Invalid MX record for host "$1
R$+ $| $* $| : $+	$@ $>BadMXAddrs $1 $| : $3
R$*	$@
')dnl
ifdef(`_ACCESS_TABLE_', `

#
# SenderAccess: the From: entry of a sender (full address, user@, domain)
#
SSenderAccess
R$+ < @ $* >	$@ $>AccList <+ From> $| <F:$1@$2> <U:$1@> <D:$2> <>
R$+	$@ $>AccList <+ From> $| <U:$1@> <>
')dnl
ifdef(`_T_DNSBL_ASK_', `

#
# DnsblAsk: "<map> <zone> address": is the IPv4 address listed in the DNS
# zone?  <OK> (not listed, or not IPv4), <TMP> (no answer), or <the A
# record the list gives>.  For dnsbl and enhdnsbl.
#
SDnsblAsk
R<$-> <$+> $-.$-.$-.$-	$: <$( $1 $6.$5.$4.$3.$2. $: OK $)>
R<$-> <$+> $*	$@ <OK>	not an IPv4 address (or none)
R<$* <TMP>>	$@ <TMP>
R<$+>	$@ <$1>
')dnl
ifdef(`_ACCEPT_UNQUALIFIED_SENDERS_', `', `dnl

#
# SenderLocalhost: a sender at localhost (or 127.0.0.1, ::1) is only
# believed from a client whose name is ours; a daemon with f checks every
# one-word domain that way, one with u none.
#
SSenderLocalhost
R<$+>	$: $1
R$*	$: $1 $| $&{daemon_flags}
R$* $| $* u $*	$@ $1
R$* @ $- $| $* f $*	$: $1 @ $2 $| ?
R$* @ localhost $| $*	$: $1 @ localhost $| ?
R$* @ localhost . $m $| $*	$: $1 @ localhost . $m $| ?
ifdef(`_NO_UUCP_', `', `R$* @ localhost . UUCP $| $*	$: $1 @ localhost . UUCP $| ?
')dnl
R$* @ [ 127.0.0.1 ] $| $*	$: $1 @ [ 127.0.0.1 ] $| ?
R$* @ [ IPv6 : 0 : 0 : 0 : 0 : 0 : 0 : 0 : 1 ] $| $*	$: $1 @ [ IPv6 : 0 : 0 : 0 : 0 : 0 : 0 : 0 : 1 ] $| ?
R$* @ [ IPv6 : : : 1 ] $| $*	$: $1 @ [ IPv6 : : : 1 ] $| ?
R$* $| ?	$: $1 $| ? $&{client_name}
R$* $| ? $=w	$@ $1	the client is this host
R$* $| ? $+	$#error $@ 5.5.4 $: "553 Real domain name required for sender address"
R$* $| $*	$@ $1
')dnl

#
# check_rcpt: the RCPT TO address
#
SLocal_check_rcpt
Scheck`'_U_`'rcpt
R$*	$: $1 $| $>"Local_check_rcpt" $1
R$* $| $#$*	$#$2	the site decided
R$* $| $*	$@ $>"Basic_check_rcpt" $1

SBasic_check_rcpt
R$@	$#error $@ nouser $: "553 User address required"
R<>	$#error $@ nouser $: "553 User address required"
R$*	$: $&{deliveryMode} $| $1
Rd $| $*	$@ deferred
R$* $| $*	$: $2
R$*	$: $1 $| $>RcptWanted $1
R$* $| $#$*	$#$2	refused
ifdef(`_PROMISCUOUS_RELAY_', `R$* $| $*	$@ RELAY	promiscuous_relay: anyone may relay
', `dnl
R$* $| $*	$: $1 $| $>RelayAuthed $1
R$* $| $#$*	$#$2
R$* $| RELAY	$@ RELAY
R$* $| $*	$: $1 $| $>RcptHere $1
R$* $| RELAY	$@ RELAY	ours, or a domain we relay to
# from here on: <the temporary failure of RcptHere, if any> $| client
R$* $| $#TEMP $+	$: <$2> $| $>RelayClient
R$* $| $#$*	$#$2
R$* $| $*	$: <> $| $>RelayClient
R<$*> $| RELAY	$@ RELAY	a client we relay for
R<$*> $| $#TEMP $+	$#error $2
R<$*> $| $#$*	$#$2
R<$+> $| $*	$#error $1	the recipient lookup failed for now
R$*	$#error $@ 5.7.1 $: confRELAY_MSG
')dnl

#
# RcptWanted: To: entries of the access map may refuse a recipient
# (blocklist_recipients).  Returns a triple or nothing.
#
SRcptWanted
ifdef(`_BLOCKLIST_RCPT_', `ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $>RcptEntry ifdef(`_LOOSE_RELAY_CHECK_', `$>CanonAddr', `$>RcptDest') $1
ifdef(`_ACCESS_SKIP_', `R<SKIP>	$@
')dnl
ifdef(`_DELAY_COMPAT_8_10_', `R<$={SpamTag}>	$@
')dnl
R<$*>	$@ $>AccReply <$1> <RCPT>
')')dnl
R$*	$@
ifdef(`_BLOCKLIST_RCPT_', `ifdef(`_ACCESS_TABLE_', `

#
# RcptEntry: the To: entry of a recipient: full address, domain, and
# user@ for our own domains and local users
#
SRcptEntry
R$* < @ $+ . >	$1 < @ $2 >
R$+ < @ $=w >	$@ $>AccList <+ To> $| <F:$1@$2> <U:$1@> <D:$2> <>
R$+ < @ $* >	$@ $>AccList <+ To> $| <F:$1@$2> <D:$2> <>
R$+	$@ $>AccList <+ To> $| <U:$1@> <>
')')dnl

#
# RcptDest: where a recipient goes.  "user%host@relayhost" (and the like)
# is followed while the host of focus is one we relay to.
#
SRcptDest
R$*	$: $>CanonAddr $1
R$* < @ $+ . > $*	$1 < @ $2 > $3
R$- < @ $* >	$: $(dequote $1 $) < @ $2 >
R$* $=O $* < @ $+ >	$: $1 $2 $3 < @ $4 > $| $>RelayTo $4
R$* < @ $+ > $| RELAY	$@ $>RcptDest $1	look at the inner address
R$* $| $*	$@ $1

#
# RelayTo: is the host one we relay to (class R, the domain of this host
# with relay_entire_domain, To: RELAY in the access map)?  RELAY, a $#TEMP
# triple, or nothing.
#
SRelayTo
ifdef(`_RELAY_ENTIRE_DOMAIN_', `R$* $=m	$@ RELAY
')dnl
ifdef(`_RELAY_HOSTS_ONLY_', `dnl
R$=R	$@ RELAY
ifdef(`_ACCESS_TABLE_', `R$+	$: $>AccTry <+ To> $1
')', `dnl
R$* $=R	$@ RELAY
ifdef(`_ACCESS_TABLE_', `R$+	$: $>AccHost <+ To> <$1>
')')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R<RELAY>	$@ RELAY
R<_ATMPF_>	$#TEMP $@ 4.3.0 $: _TMPFMSG_(`ROK2')
')dnl
ifdef(`_RELAY_MX_SERVED_', `dnl
R$*	$: $1 $| < : $(mxserved $1 $) : >
R$* $| < : $* <TEMP> : >	$#TEMP $@ 4.4.0 $: "450 Can not check MX records for recipient host " $1
R$* $| < $* : $=w . : $* >	$@ RELAY	we are an MX host
')dnl
R$*	$@

ifdef(`_PROMISCUOUS_RELAY_', `', `dnl
#
# RelayAuthed: a client may relay with a certificate the access map
# trusts, or after AUTH (Local_Relay_Auth, class {TrustAuthMech}).
#
SRelayAuthed
R$*	$: $>RelayTLS
R$#$*	$#$1
R$*	$: $>"Local_Relay_Auth" $&{auth_type}
R$#$*	$#$1
R$*	$: $&{auth_type}
R$={TrustAuthMech}	$# RELAY
R$*	$@

#
# RcptHere: RELAY when the recipient is ours (a local user, a name of this
# host) or its domain is one we relay to; a $#TEMP triple; nothing else.
#
SRcptHere
ifdef(`_LOOSE_RELAY_CHECK_', `R$*	$: $>CanonAddr $1
R$* < @ $+ . >	$1 < @ $2 >
', `R$*	$: $>RcptDest $1
')dnl
ifdef(`_BESTMX_IS_LOCAL_', `dnl
ifelse(_BESTMX_IS_LOCAL_, `', `R$* < @ $+ > $*	$: $1 < @ $2 > $3 $| $(bestmx $2 $)
', `R$* < @ $* $=B > $*	$: $1 < @ $2 $3 > $4 $| $(bestmx $2 $3 $)
')dnl
R$* $=O $* < @ $* > $* $| $=w .	$@ $>RcptHere $1 $2 $3	we are the best MX: look inside
R$* < @ $* > $* $| $=w .	$@ RELAY
R$* $| $*	$: $1
')dnl
ifelse(defn(`_NO_UUCP_'), `r', `R$* ! $*	$@	nouucp reject: a bang path is never ours
')dnl
ifelse(defn(`_NO_PERCENTHACK_'), `r', `R$* % $*	$@	nopercenthack reject: nor is user%host
')dnl
R$+ < @ $=w >	$@ RELAY
R$+ < @ $+ >	$: $1 < @ $2 > $| $>RelayTo $2
R$* $| RELAY	$@ RELAY
R$* $| $#$*	$#$2
ifdef(`_RELAY_FULL_ADDR_', `ifdef(`_ACCESS_TABLE_', `dnl
# relaytofulladdress: To:user@domain (and To:user@) entries too
R$+ < @ $+ > $| $*	$: $1 < @ $2 > $| ifdef(`_RELAY_HOSTS_ONLY_', `$>AccTry <! To> $1@$2', `$>AccList <+ To> $| <F:$1@$2> <F:$1@> <>')
R$* $| <RELAY>	$@ RELAY
R$* $| <_ATMPF_>	$#TEMP $@ 4.3.0 $: _TMPFMSG_(`ROK2')
')')dnl
R$+ < @ $+ > $| $*	$@	not ours
R$+	$@ RELAY	a local user

#
# RelayClient: RELAY when the client (${client_addr}, ${client_name}) is
# one we relay for; a triple for a failure; nothing else.
#
SRelayClient
R$*	$: $&{client_addr}
R$@	$@ RELAY	submitted on this host
R0	$@ RELAY
R127.0.0.1	$@ RELAY
RIPv6:0:0:0:0:0:0:0:1	$@ RELAY
RIPv6:::1	$@ RELAY
R$=R $*	$@ RELAY	a relay network
ifdef(`_DRAC_', `dnl
R$+	$: $1 $| $(drac $1 $: ? $)
R$+ $| ?	$: $1
R$+ $| $+	$@ RELAY	POP/IMAP before SMTP
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$+	$: $1 $| $>AccIP <+ Connect> <$1>
R$+ $| <RELAY>	$@ RELAY
R$+ $| <_ATMPF_>	$#TEMP $@ 4.3.0 $: _TMPFMSG_(`YOK1')
R$+ $| $*	$: $1
')dnl
R$+	$: [ $1 ]
R$=w	$@ RELAY	one of our own addresses
ifdef(`_RELAY_DB_FROM_', `define(`_RELAY_MAIL_FROM_', `1')')dnl
ifdef(`_RELAY_LOCAL_FROM_', `define(`_RELAY_MAIL_FROM_', `1')')dnl
ifdef(`_RELAY_MAIL_FROM_', `dnl
R$*	$: $>RelaySender
R$#$*	$#$1
RRELAY	$@ RELAY
')dnl
R$*	$: $&{client_resolve}
RTEMP	$#TEMP $@ 4.4.0 $: "450 Relaying temporarily denied. Cannot resolve PTR record for " $&{client_addr}
RFORGED	$#error $@ 5.7.1 $: "550 Relaying denied. IP name possibly forged " $&{client_name}
RFAIL	$#error $@ 5.7.1 $: "550 Relaying denied. IP name lookup failed " $&{client_name}
R$*	$: $&{client_name}
R$@	$@	no name
R$* $=P	$: $1 $2
R$+	$: $[ $1 $]
R$* .	$1
R$+	$@ $>RelayFromHost $1

#
# RelayFromHost: the canonical name of the client.
#
SRelayFromHost
ifdef(`_RELAY_ENTIRE_DOMAIN_', `R$* $=m	$@ RELAY
')dnl
R$=w	$@ RELAY
ifdef(`_RELAY_HOSTS_ONLY_', `dnl
R$=R	$@ RELAY
ifdef(`_ACCESS_TABLE_', `R$+	$: $>AccTry <+ Connect> $1
')', `dnl
R$* $=R	$@ RELAY
ifdef(`_ACCESS_TABLE_', `R$+	$: $>AccHost <+ Connect> <$1>
')')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R<RELAY>	$@ RELAY
R<_ATMPF_>	$#TEMP $@ 4.3.0 $: _TMPFMSG_(`YOK3')
')dnl
R$*	$@
ifdef(`_RELAY_MAIL_FROM_', `dnl

#
# RelaySender: relay_local_from (the sender is of this host) and
# relay_mail_from (From: RELAY in the access map)
#
SRelaySender
R$*	$: $>CanonAddr $&f
R$+ < @ $+ . >	$1 < @ $2 >
ifdef(`_RELAY_LOCAL_FROM_', `R$+ < @ $=w >	$@ RELAY
')dnl
ifdef(`_RELAY_DB_FROM_', `dnl
R$+ < @ $+ >	$: $>AccList <! From> $| <F:$1@$2> ifdef(`_RELAY_DB_FROM_DOMAIN_', ifdef(`_RELAY_HOSTS_ONLY_', `<E:$2>', `<D:$2>')) <>
R<RELAY>	$@ RELAY
R<_ATMPF_>	$#TEMP $@ 4.3.0 $: _TMPFMSG_(`YOK2')
')dnl
R$*	$@
')')dnl end of the relay rulesets (none with promiscuous_relay)
ifdef(`_DELAY_CHECKS_', `include(_CF_DIR_`m4/delay.m4')')dnl
ifdef(`_ACCESS_TABLE_', `include(_CF_DIR_`m4/access.m4')')dnl
