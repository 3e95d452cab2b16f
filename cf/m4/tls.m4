divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl tls.m4 -- rulesets sendmail calls around AUTH and STARTTLS:
dnl trust_auth (may the client say AUTH=someone else?), Local_Relay_Auth,
dnl srv_features and clt_features (which SMTP extensions), try_tls,
dnl tls_rcpt, tls_client and tls_server (is the TLS session good enough?),
dnl TLS_connection and TLS_req that judge a requirement from the access
dnl map, RelayTLS (relaying for clients with trusted certificates),
dnl authinfo, and RateControl / ConnControl of ratecontrol and conncontrol.
dnl
dnl Without the access map most of them accept everything.
dnl
define(`_T_TLS_DSN', ifdef(`TLS_PERM_ERR', `5.7.0', `4.7.0'))
define(`_T_TLS_CODE', ifdef(`TLS_PERM_ERR', `554', `454'))
divert(0)dnl

#
# AUTH
#
SLocal_trust_auth
Strust_auth
R$*	$: $&{auth_type} $| $1
R$@ $| $*	$#error $@ 5.7.1 $: "550 not authenticated"
R$* $| $&{auth_authen}	$@ identical
R$* $| <$&{auth_authen}>	$@ identical
R$* $| $*	$: $1 $| $>"Local_trust_auth" $2
R$* $| $#$*	$#$2
R$*	$#error $@ 5.7.1 $: "550 " $&{auth_authen} " not allowed to act as " $&{auth_author}

SLocal_Relay_Auth

#
# SMTP extensions offered to a client / used with a server
#
Ssrv_features
ifdef(`_LOCAL_SRV_FEATURES_', `R$*	$: $1 $| $>"Local_srv_features" $1
R$* $| $#$*	$#$2
R$* $| $*	$: $1
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $>D <$&{client_name}> <?> <! SRV_FEAT_TAG> <>
R<?>$*	$: $>A <$&{client_addr}> <?> <! SRV_FEAT_TAG> <>
R<?>$*	$: <$(access SRV_FEAT_TAG`'_TAG_DELIM_ $: ? $)>
R<?>$*	$@ OK
R<$* _ATMPF_>$*	$#temp
R<$+>$*	$# $1
')dnl

Sclt_features
ifdef(`_LOCAL_CLT_FEATURES_', `R$*	$: $1 $| $>"Local_clt_features" $1
R$* $| $#$*	$#$2
R$* $| $*	$: $1
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $>D <$&{client_name}> <?> <! CLT_FEAT_TAG> <>
R<?>$*	$: $>A <$&{client_addr}> <?> <! CLT_FEAT_TAG> <>
R<?>$*	$: <$(access CLT_FEAT_TAG`'_TAG_DELIM_ $: ? $)>
R<?>$*	$@ OK
R<$* _ATMPF_>$*	$#temp
R<$+>$*	$# $1
')dnl

#
# STARTTLS
#
Stry_tls
ifdef(`_LOCAL_TRY_TLS_', `R$*	$: $1 $| $>"Local_try_tls" $1
R$* $| $#$*	$#$2
R$* $| $*	$: $1
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $>D <$&{server_name}> <?> <! TLS_TRY_TAG> <>
R<?>$*	$: $>A <$&{server_addr}> <?> <! TLS_TRY_TAG> <>
R<?>$*	$: <$(access TLS_TRY_TAG`'_TAG_DELIM_ $: ? $)>
R<?>$*	$@ OK
R<$* _ATMPF_>$*	$#error $@ 4.3.0 $: _TMPFMSG_(`TT')
R<NO>$*	$#error $@ 5.7.1 $: "550 do not try TLS with " $&{server_name} " ["$&{server_addr}"]"
')dnl

Stls_rcpt
ifdef(`_LOCAL_TLS_RCPT_', `R$*	$: $1 $| $>"Local_tls_rcpt" $1
R$* $| $#$*	$#$2
R$* $| $*	$: $1
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $(macro {TLS_Name} $@ $&{server_name} $) $1
R$+	$: <?> $>CanonAddr $1
R<?> $+ < @ $+ . >	<?> $1 <@ $2 >
R<?> $+ < @ $+ >	$: $1 <@ $2 > $| <F:$1@$2> <U:$1@> <D:$2> <E:>
R<?> $+	$: $1 $| <U:$1@> <E:>
R$* $| $+	$: $1 $| $>SearchList <! TLS_RCPT_TAG> $| $2 <>
R$* $| <?>	$@ OK
R$* $| <$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TR')
R$* $| <$+>	$@ $>"TLS_connection" $&{verify} $| <$2>
')dnl

Stls_client
ifdef(`_LOCAL_TLS_CLIENT_', `R$*	$: $1 <?> $>"Local_tls_client" $1
R$* <?> $#$*	$#$2
R$* <?> $*	$: $1
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $(macro {TLS_Name} $@ $&{client_name} $) $1
R$* $| $*	$: $1 $| $>D <$&{client_name}> <?> <! TLS_CLT_TAG> <>
R$* $| <?>$*	$: $1 $| $>A <$&{client_addr}> <?> <! TLS_CLT_TAG> <>
R$* $| <?>$*	$: $1 $| <$(access TLS_CLT_TAG`'_TAG_DELIM_ $: ? $)>
R$* $| <$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TC')
R$*	$@ $>"TLS_connection" $1
', `R$* $| $*	$@ $>"TLS_connection" $1
')dnl

Stls_server
ifdef(`_LOCAL_TLS_SERVER_', `R$*	$: $1 $| $>"Local_tls_server" $1
R$* $| $#$*	$#$2
R$* $| $*	$: $1
')dnl
ifdef(`_TLS_FAILURES_', `R$*	$: $(macro {saved_verify} $@ $1 $) $1
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $(macro {TLS_Name} $@ $&{server_name} $) $1
R$*	$: $1 $| $>D <$&{server_name}> <?> <! TLS_SRV_TAG> <>
R$* $| <?>$*	$: $1 $| $>A <$&{server_addr}> <?> <! TLS_SRV_TAG> <>
R$* $| <?>$*	$: $1 $| <$(access TLS_SRV_TAG`'_TAG_DELIM_ $: ? $)>
R$* $| <$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TS')
')dnl
R$*	$@ $>"TLS_connection" $1

#
# TLS_connection: input ${verify} [$| <requirement from the access map>]
# requirement: [PERM+|TEMP+] VERIFY[:bits] | ENCR:bits  [+CN:name ...]
#
STLS_connection
ifdef(`_FULL_TLS_CONNECTION_CHECK_', `dnl
R$* $| <$*>$*	$: $1 $| <$2>
R$* $| <PERM + $={Tls} $*>	$: $1 $| <503:5.7.0> <$2 $3>
R$* $| <TEMP + $={Tls} $*>	$: $1 $| <403:4.7.0> <$2 $3>
R$* $| <$={Tls} $*>	$: $1 $| <_T_TLS_CODE:_T_TLS_DSN> <$2 $3>
define(`_T_TLSFAIL', `R$1 $`'| <$`'-:$`'+> $`'*	$`'#error $`'@ $`'2 $`': $`'1 " $2"
R$1 $`'| $`'*	$`'#error $`'@ _T_TLS_DSN $`': "_T_TLS_CODE $2"
')dnl
_T_TLSFAIL(`SOFTWARE', `TLS handshake failed.')dnl
_T_TLSFAIL(`PROTOCOL', `STARTTLS failed.')dnl
_T_TLSFAIL(`DANE_FAIL', `DANE check failed.')dnl
_T_TLSFAIL(`CONFIG', `STARTTLS temporarily not possible.')dnl
R$* $| <$*> <VERIFY>	$: <$2> <VERIFY> <> $1
R$* $| <$*> <VERIFY + $+>	$: <$2> <VERIFY> <$3> $1
R$* $| <$*> <$={Tls}:$->$*	$: <$2> <$3:$4> <> $1
R$* $| <$*> <$={Tls}:$- + $+>$*	$: <$2> <$3:$4> <$5> $1
R$* $| $*	$@ OK
R<$*><VERIFY> <> $={TlsVerified}	$@ OK
R<$*><VERIFY> <$+> $={TlsVerified}	$: <$1> <REQ:0> <$2>
R<$*><VERIFY:$-> <$*> $={TlsVerified}	$: <$1> <REQ:$2> <$3>
R<$*><ENCR:$-> <$*> $*	$: <$1> <REQ:$2> <$3>
R<$-:$+><VERIFY $*> <$*>	$#error $@ $2 $: $1 " authentication required"
R<$-:$+><VERIFY $*> <$*> FAIL	$#error $@ $2 $: $1 " authentication failed"
R<$-:$+><VERIFY $*> <$*> NO	$#error $@ $2 $: $1 " not authenticated"
R<$-:$+><VERIFY $*> <$*> NOT	$#error $@ $2 $: $1 " no authentication requested"
R<$-:$+><VERIFY $*> <$*> NONE	$#error $@ $2 $: $1 " other side does not support STARTTLS"
R<$-:$+><VERIFY $*> <$*> CLEAR	$#error $@ $2 $: $1 " STARTTLS disabled locally"
R<$-:$+><VERIFY $*> <$*> $+	$#error $@ $2 $: $1 " authentication failure " $4
R<$*><REQ:$-> <$*>	$: <$1> <REQ:$2> <$3> $>max $&{cipher_bits} : $&{auth_ssf}
R<$*><REQ:$-> <$*> $-	$: <$1> <$2:$4> <$3> $(arith l $@ $4 $@ $2 $)
R<$-:$+><$-:$-> <$*> TRUE	$#error $@ $2 $: $1 " encryption too weak " $4 " less than " $3
R<$-:$+><$-:$-> <$*> $*	$: <$1:$2 ++ $5>
R<$-:$+ ++ >	$@ OK
R<$-:$+ ++ $+ >	$: <$1:$2> <$3>
R<$-:$+> < $+ ++ $+ >	<$1:$2> <$3> <$4>
R<$-:$+> $+	$@ $>"TLS_req" $3 $| <$1:$2>

STLS_req
R $| $+	$@ OK
R<CN> $* $| <$+>	$: <CN:$&{TLS_Name}> $1 $| <$2>
ifdef(`_FFR_TLS_ALTNAMES', `dnl
R<CN:$={cert_altnames}> $* $| <$+>	$@ $>"TLS_req" $2 $| <$3>
R<CN:$-.$+> $* $| <$+>	$: <CN:*.$2> $3 $| <$4>
R<CN:$={cert_altnames}> $* $| <$+>	$@ $>"TLS_req" $3 $| <$3>
R<CN:$*> $* $| <$+>	$: <CN:$&{TLS_Name}> $2 $| <$3>
')dnl
R<CN:$&{cn_subject}> $* $| <$+>	$@ $>"TLS_req" $1 $| <$2>
R<CN:$+> $* $| <$-:$+>	$#error $@ $4 $: $3 " CN " $&{cn_subject} " does not match " $1
R<CS:$&{cert_subject}> $* $| <$+>	$@ $>"TLS_req" $1 $| <$2>
R<CS:$+> $* $| <$-:$+>	$#error $@ $4 $: $3 " Cert Subject " $&{cert_subject} " does not match " $1
R<CI:$&{cert_issuer}> $* $| <$+>	$@ $>"TLS_req" $1 $| <$2>
R<CI:$+> $* $| <$-:$+>	$#error $@ $4 $: $3 " Cert Issuer " $&{cert_issuer} " does not match " $1
R<CITag:$-> $* $| <$+>	$: <$(access $1:$&{cert_issuer} $: ? $)> $2 $| <$3>
R<?> $* $| <$-:$+>	$#error $@ $3 $: $2 " Cert Issuer " $&{cert_issuer} " not acceptable"
R<OK> $* $| <$+>	$@ $>"TLS_req" $1 $| <$2>
ROK	$@ OK

Smax
R:	$: 0
R:$-	$: $1
R$-:	$: $1
R$-:$-	$: $(arith l $@ $1 $@ $2 $) : $1 : $2
RTRUE:$-:$-	$: $2
R$-:$-:$-	$: $2
', `dnl
RSOFTWARE	$#error $@ _T_TLS_DSN $: "_T_TLS_CODE TLS handshake failed."
RDANE_FAIL	$#error $@ _T_TLS_DSN $: "_T_TLS_CODE DANE check failed."
RPROTOCOL	$#error $@ _T_TLS_DSN $: "_T_TLS_CODE STARTTLS failed."
RCONFIG	$#error $@ _T_TLS_DSN $: "_T_TLS_CODE STARTTLS temporarily not possible."
')dnl
ifdef(`_TLS_SESSION_FEATURES_', `dnl

Stls_srv_features
ifdef(`_ACCESS_TABLE_', `dnl
R$* $| $*	$: $>D <$1> <?> <! TLS_Srv_Features> <$2>
R<?> <$*>	$: $>A <$1> <?> <! TLS_Srv_Features> <$1>
R<?> <$*>	$@ ""
R<$+> <$*>	$@ $1
', `R$*	$@ ""
')dnl
ifdef(`_ACCESS_TABLE_', `dnl

Stls_clt_feat_acc
R$* $| $*	$: $>D <$1> <?> <! TLS_Clt_Features> <$2>
R<?> <$*>	$: $>A <$1> <?> <! TLS_Clt_Features> <$1>
R<?> <$*>	$@ ""
R<$+> <$*>	$@ $1
')dnl

SDANE_disabled
R$+	$: < $(stsxnodaneflag $1 $: NOFLAGS $) >
R<$* @>	$@ <>
R$*	$: < $&{sts_sni} >
R<>	$@ <>
R$*	$@ <DANE>

SSTS_disabled
R$*	$: $&{client_flags}
R$* MM $*	$@ <>
R$*	$: $&{rcpt_addr} $| $1
R $| $*	$@ <>
R$*	$@ <STS>

Stls_clt_features
R$*	$: $1 $| <>
ifdef(`_ACCESS_TABLE_', `dnl
R$* $| <>	$: $1 $| $>"tls_clt_feat_acc" $1
R$* $| $* $| $*	$: $1 $| $2 $| <$3>
')dnl
R$* $| $* $| <"">	$@ ""
R$* $| $* $| <$+>	$@ $3
R$*	$@ ""
')dnl

#
# RelayTLS: relaying for a client whose certificate issuer (or subject)
# has a RELAY entry in the access map
#
SRelayTLS
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: <?> $&{verify}
R<?> $={TlsVerified}	$: OK
R<?> $*	$@ NO
ifdef(`_CERT_REGEX_ISSUER_', `R$*	$: $(CERTIssuer $&{cert_issuer} $)
', `R$*	$: $&{cert_issuer}
')dnl
R$+	$: $(access CERTISSUER`'_TAG_DELIM_`'$1 $)
RRELAY	$# RELAY
ifdef(`_CERT_REGEX_SUBJECT_', `RSUBJECT	$: <@> $(CERTSubject $&{cert_subject} $)
', `RSUBJECT	$: <@> $&{cert_subject}
')dnl
R<@> $+	$: <@> $(access CERTSUBJECT`'_TAG_DELIM_`'$1 $)
R<@> RELAY	$# RELAY
R$*	$: NO
')dnl

#
# authinfo: credentials for AUTH as a client
#
Sauthinfo
ifdef(`_AUTHINFO_TABLE_', `dnl
R$*	$: <$(authinfo AuthInfo:$&{server_name} $: ? $)>
R<?>	$: <$(authinfo AuthInfo:$&{server_addr} $: ? $)>
R<?>	$: <$(authinfo AuthInfo: $: ? $)>
R<?>	$@ no
R<$*>	$# $1
', `ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $1 $| $>D <$&{server_name}> <?> <! AuthInfo> <>
R$* $| <?>$*	$: $1 $| $>A <$&{server_addr}> <?> <! AuthInfo> <>
R$* $| <?>$*	$: $1 $| <$(access AuthInfo`'_TAG_DELIM_ $: ? $)> <>
R$* $| <?>$*	$@ no
R$* $| <$*> <>	$# $2
')')dnl
ifdef(`_RATE_CONTROL_', `dnl

#
# RateControl / ConnControl: limits from ClientRate: / ClientConn: entries
#
SRateControl
R$*	$: <A:$&{client_addr}> <E:>
R$+	$: $>SearchList <! ClientRate> $| $1 <>
R<?>	$@ OK
R<$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`RC')
R<0>	$@ OK
R<$+>	$: <$1> $| $(arith l $@ $1 $@ $&{client_rate} $)
R<$+> $| TRUE	$#error $@ 4.3.2 $: _RATE_CONTROL_REPLY Connection rate limit exceeded.
')dnl
ifdef(`_CONN_CONTROL_', `dnl

SConnControl
R$*	$: <A:$&{client_addr}> <E:>
R$+	$: $>SearchList <! ClientConn> $| $1 <>
R<?>	$@ OK
R<$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`CC')
R<0>	$@ OK
R<$+>	$: <$1> $| $(arith l $@ $1 $@ $&{client_connections} $)
R<$+> $| TRUE	$#error $@ 4.3.2 $: _CONN_CONTROL_REPLY Too many open connections.
')dnl
