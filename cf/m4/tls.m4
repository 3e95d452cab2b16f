divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl tls.m4 -- rulesets sendmail calls around AUTH and STARTTLS:
dnl trust_auth (may the client say AUTH=someone else?), Local_Relay_Auth,
dnl srv_features and clt_features (which SMTP extensions), try_tls,
dnl tls_rcpt, tls_client and tls_server (is the TLS session good enough?),
dnl RelayTLS (relaying for clients with trusted certificates), authinfo,
dnl and RateControl / ConnControl of ratecontrol and conncontrol.
dnl
dnl Most of them ask the access map about the other side: TlsPeer looks a
dnl tag up for a host name, then its address, then the bare "Tag:" entry.
dnl
dnl A TLS requirement from the access map ("VERIFY", "VERIFY:bits",
dnl "ENCR:bits", with PERM+ or TEMP+ in front and +CN:name, +CS:subject,
dnl +CI:issuer, +CITag:tag extras separated by ++) is judged by
dnl TlsJudge in three steps: the reply code it would fail with
dnl (TlsCode), the certificate (TlsVerify), the key length (TlsBits),
dnl then the extras (TlsExtras).  The public entry point for that is
dnl TLS_connection: "${verify} $| <requirement>".
dnl
dnl Without the access map most of them accept everything.
dnl
define(`_T_TLS_DSN', ifdef(`TLS_PERM_ERR', `5.7.0', `4.7.0'))
define(`_T_TLS_CODE', ifdef(`TLS_PERM_ERR', `554', `454'))
dnl _T_HOOK(name): call Local_name first; its triple decides
define(`_T_HOOK', `R$`'*	$: $`'1 $`'| $>"Local_$1" $`'1
R$`'* $`'| $`'#$`'*	$`'#$`'2
R$`'* $`'| $`'*	$: $`'1
')
divert(0)dnl

#
# AUTH
#
SLocal_trust_auth
Strust_auth
R$*	$: $&{auth_type} $| $1
R$| $*	$#error $@ 5.7.1 $: "550 not authenticated"
R$* $| $&{auth_authen}	$@ identical
R$* $| <$&{auth_authen}>	$@ identical
R$* $| $*	$: $2 $| $>"Local_trust_auth" $2
R$* $| $#$*	$#$2	the site allows it
R$*	$#error $@ 5.7.1 $: "550 " $&{auth_authen} " not allowed to act as " $&{auth_author}

SLocal_Relay_Auth
ifdef(`_ACCESS_TABLE_', `

#
# TlsPeer: "<! Tag> <host name> <address>": the access map entry for the
# name (and its domains), else the address (and its networks), else the
# bare "Tag:" key.  <value>, <?> or <<TMPF>>.
#
STlsPeer
R<$- $-> <$*> <$*>	$: <$1 $2> <$4> $>AccHost <$1 $2> <$3>
R<$- $-> <$*> <?>	$: <$1 $2> $>AccIP <$1 $2> <$3>
R<$- $-> <$*> <$*>	$: <$1 $2> <$4>
R<$- $-> <?>	$@ $>AccTry <$1 $2>
R<$- $-> <$*>	$@ <$3>
')

#
# SMTP extensions offered to a client / used with a server
#
Ssrv_features
ifdef(`_LOCAL_SRV_FEATURES_', `_T_HOOK(`srv_features')')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $>TlsPeer <! SRV_FEAT_TAG> <$&{client_name}> <$&{client_addr}>
R<?>	$@ OK
R<_ATMPF_>	$#temp
R<$+>	$# $1
')dnl

Sclt_features
ifdef(`_LOCAL_CLT_FEATURES_', `_T_HOOK(`clt_features')')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $>TlsPeer <! CLT_FEAT_TAG> <$&{client_name}> <$&{client_addr}>
R<?>	$@ OK
R<_ATMPF_>	$#temp
R<$+>	$# $1
')dnl

#
# STARTTLS
#
Stry_tls
ifdef(`_LOCAL_TRY_TLS_', `_T_HOOK(`try_tls')')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $>TlsPeer <! TLS_TRY_TAG> <$&{server_name}> <$&{server_addr}>
R<?>	$@ OK
R<_ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TT')
R<NO>	$#error $@ 5.7.1 $: "550 do not try TLS with " $&{server_name} " ["$&{server_addr}"]"
')dnl

ifdef(`_MTA_STS_', `
#
# MTA-STS (the sts feature).  StsPolicy: the sts map entry of the domain
# of an address (after its last @, no final dot), "none" without one.
#
SStsPolicy
R$* @ $+	$@ $>StsPolicy $2
R$+ .	$1
R$+	$@ $(sts $1 $: none $)

#
# StsSecure: "${verify}": a "secure" policy for ${rcpt_addr} needs what
# an access entry TEMP+VERIFY:128 asks for.
#
SStsSecure
R$*	$: $1 $| $&{rcpt_addr}
R$* $|	$@ ok	no recipient: no policy
R$* $| $+	$: $1 $| $>StsPolicy $2
R$* $| $* <TMPF>	$#error $@ 4.7.0 $: 450 STS lookup temp fail
R$* $| $* secure $*	$@ $>"TLS_connection" $1 $| <TEMP+VERIFY:128>
R$* $| $*	$@ $1

#
# StsCheck: the recipient: with a "secure" policy the server name must be
# in its match= list, and (StsSan) among the certificate names.
#
SStsCheck
R$*	$: $&{rcpt_addr} $| $1
R $| $*	$@ ok	no recipient: no policy
R$* $| $*	$: $>StsPolicy $2
R$* <TMPF>	$#error $@ 4.7.0 $: 450 STS lookup temp fail
R$* secure $*	$@ $>StsMatch $2
R$*	$@ ok	not secure: nothing to check

#
# StsMatch: the rest of a secure policy; its match= list ("a:.b:c")
#
SStsMatch
R$* servername=hostname	$: $1
R$@	$@ $>StsSan	no match= list
R$+	$: : $(stsxmatch $1 $: : $)
R$* : $+ . : $*	$1 : $2 : $3	entries without a final dot
R: $+ :	$: <N> $(macro {TLS_Name} $@ $&{server_name} $) $>StsNameListed : $1 :
R<N> ok	$@ $>StsSan
R<N> $*	$: $1 $| $&{server_name}
R: $* $| $- . $+	$: $(macro {TLS_Name} $@ . $3 $) $>StsNameListed : $1
R$* ok	$@ $>StsSan	".domain" matched
R: $* :	$#error $@ 4.7.0 $: 450 $&{server_name} not found in " "$1

#
# StsNameListed: ":name:name:...:" holds ${TLS_Name}: ok
#
SStsNameListed
R$* : $&{TLS_Name} : $*	$@ ok
R$*	$@ $1

#
# StsSan: ${server_name} must be one of the certificate names (only an
# exact name counts, as in sendmail 8.17)
#
SStsSan
ifdef(`_STS_SAN', `dnl
R$*	$: $&{server_name}
R$={cert_altnames}	$@ ok
R$*	$#error $@ 4.7.0 $: 450 $&{server_name} not listed in SANs
')dnl
R$*	$@ ok
')dnl

Stls_rcpt
ifdef(`_LOCAL_TLS_RCPT_', `_T_HOOK(`tls_rcpt')')dnl
ifdef(`_MTA_STS_', `R$*	$: $1 $| $>StsCheck $1
R$* $| $#$*	$#$2
R$* $| $*	$: $1
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $(macro {TLS_Name} $@ $&{server_name} $) $>TlsRcptEntry $>CanonAddr $1
R<?>	$@ OK
R<_ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TR')
R<$+>	$@ $>"TLS_connection" $&{verify} $| <$1>
')dnl

ifdef(`_ACCESS_TABLE_', `
#
# TlsRcptEntry: the TLS_Rcpt: entry of a recipient: full address, user@,
# domain, then the bare tag
#
STlsRcptEntry
R$* < @ $+ . >	$1 < @ $2 >
R$+ < @ $+ >	$@ $>AccList <! TLS_RCPT_TAG> $| <F:$1@$2> <U:$1@> <D:$2> <E:> <>
R$+	$@ $>AccList <! TLS_RCPT_TAG> $| <U:$1@> <E:> <>
')dnl

Stls_client
ifdef(`_LOCAL_TLS_CLIENT_', `_T_HOOK(`tls_client')')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$* $| $*	$: $(macro {TLS_Name} $@ $&{client_name} $) $1 $| $>TlsPeer <! TLS_CLT_TAG> <$&{client_name}> <$&{client_addr}>
R$* $| <_ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TC')
R$*	$@ $>"TLS_connection" $1
', `R$* $| $*	$@ $>"TLS_connection" $1
')dnl

Stls_server
ifdef(`_LOCAL_TLS_SERVER_', `_T_HOOK(`tls_server')')dnl
ifdef(`_TLS_FAILURES_', `R$*	$: $(macro {saved_verify} $@ $1 $) $1
')dnl
ifdef(`_MTA_STS_', `R$*	$: $1 $| $>StsSecure $1
R$* $| $#$*	$#$2
R$* $| $*	$: $1
')dnl
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: $(macro {TLS_Name} $@ $&{server_name} $) $1 $| $>TlsPeer <! TLS_SRV_TAG> <$&{server_name}> <$&{server_addr}>
R$* $| <_ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TS')
')dnl
R$*	$@ $>"TLS_connection" $1

#
# TLS_connection: "${verify} [$| <requirement>]".  A failed handshake is
# always refused; a requirement is judged by TlsJudge.
#
STLS_connection
R$* $| <$*> $*	$: $1 $| <$2>	only the first requirement counts
dnl with requirements from the access map (or sts) the input always has
dnl "$| <...>"; without, it is ${verify} alone
ifdef(`_FULL_TLS_CONNECTION_CHECK_', `dnl
define(`_T_TLSFAIL', `R$1 $`'| <$`'-:$`'+> $`'*	$`'#error $`'@ $`'2 $`': $`'1 " $2"
R$1 $`'| $`'*	$`'#error $`'@ _T_TLS_DSN $`': "_T_TLS_CODE $2"
')', `dnl
define(`_T_TLSFAIL', `R$1	$`'#error $`'@ _T_TLS_DSN $`': "_T_TLS_CODE $2"
')')dnl
ifdef(`_FULL_TLS_CONNECTION_CHECK_', `dnl
R$* $| <$*>	$: $1 $| $>TlsCode <$2>
')dnl
_T_TLSFAIL(`SOFTWARE', `TLS handshake failed.')dnl
_T_TLSFAIL(`PROTOCOL', `STARTTLS failed.')dnl
_T_TLSFAIL(`DANE_FAIL', `DANE check failed.')dnl
_T_TLSFAIL(`CONFIG', `STARTTLS temporarily not possible.')dnl
ifdef(`_FULL_TLS_CONNECTION_CHECK_', `dnl
R$* $| <$-:$+> <$*>	$@ $>TlsJudge <$2:$3> <$4> $1
')dnl
R$*	$@ OK	no requirement
ifdef(`_FULL_TLS_CONNECTION_CHECK_', `

#
# TlsCode: "<requirement>" with the reply it fails with put in front,
# "<code:dsn> <requirement>", when it is a VERIFY or ENCR one.
#
STlsCode
R<PERM + $={Tls} $*>	$@ <503:5.7.0> <$1 $2>
R<TEMP + $={Tls} $*>	$@ <403:4.7.0> <$1 $2>
R<$={Tls} $*>	$@ <_T_TLS_CODE:_T_TLS_DSN> <$1 $2>
R<$*>	$@ <$1>

#
# TlsJudge: "<code:dsn> <requirement> ${verify}".  The requirement
# splits into its kind and its extras (after the first +).
#
STlsJudge
R<$+> <VERIFY> $*	$: <$1> <VERIFY> <> $2
R<$+> <VERIFY + $+> $*	$: <$1> <VERIFY> <$2> $3
R<$+> <$={Tls} : $-> $*	$: <$1> <$2:$3> <> $4
R<$+> <$={Tls} : $- + $+> $*	$: <$1> <$2:$3> <$4> $5
R<$+> <VERIFY $*> <$*> $*	$: $>TlsVerify <$1> <VERIFY $2> <$3> $4
R$#$*	$#$1
R<$+> <VERIFY : $-> <$*> $*	$: <$1> <REQ:$2> <$3>
R<$+> <ENCR : $-> <$*> $*	$: <$1> <REQ:$2> <$3>
R<$+> <VERIFY> <$*>	$@ $>TlsExtras <$1> <$2>
R<$+> <REQ:$-> <$*>	$: $>TlsBits <$1> <$2> <$3>
R$#$*	$#$1
R<$+> <$*>	$@ $>TlsExtras <$1> <$2>
R$*	$@ OK

#
# TlsVerify: the certificate must have been verified; otherwise the
# reply says how ${verify} failed.
#
STlsVerify
R<$+> <VERIFY> <> $={TlsVerified}	$@ OK
R<$+> <VERIFY> <$+> $={TlsVerified}	$@ <$1> <VERIFY> <$2>
R<$+> <VERIFY : $-> <$*> $={TlsVerified}	$@ <$1> <VERIFY:$2> <$3>
R<$-:$+> <$*> <$*>	$#error $@ $2 $: $1 " authentication required"
R<$-:$+> <$*> <$*> FAIL	$#error $@ $2 $: $1 " authentication failed"
R<$-:$+> <$*> <$*> NO	$#error $@ $2 $: $1 " not authenticated"
R<$-:$+> <$*> <$*> NOT	$#error $@ $2 $: $1 " no authentication requested"
R<$-:$+> <$*> <$*> NONE	$#error $@ $2 $: $1 " other side does not support STARTTLS"
R<$-:$+> <$*> <$*> CLEAR	$#error $@ $2 $: $1 " STARTTLS disabled locally"
R<$-:$+> <$*> <$*> $+	$#error $@ $2 $: $1 " authentication failure " $5

#
# TlsBits: "<code:dsn> <bits needed> <extras>": the larger of
# ${cipher_bits} and ${auth_ssf} must reach the bits.
#
STlsBits
R<$+> <$-> <$*>	$: <$1> <$2> <$3> $>max $&{cipher_bits} : $&{auth_ssf}
R<$+> <$-> <$*> $-	$: <$1> <$2> <$3> $4 $| $(arith l $@ $4 $@ $2 $)
R<$-:$+> <$-> <$*> $- $| TRUE	$#error $@ $2 $: $1 " encryption too weak " $5 " less than " $3
R<$+> <$-> <$*> $*	$@ <$1> <$3>

#
# TlsExtras: "<code:dsn> <CN:name ++ CS:subject ...>": each one in turn.
#
STlsExtras
R<$+> <>	$@ OK
R<$+> <$+>	$: <$1> <$2 ++>
R<$+> <$* ++ $*>	$: <$1> $| <$2> <$3>
R<$+> $| $* <$* ++ $*>	<$1> $| $2 <$3> <$4>	one <> each
R<$+> $| $* <>	$: <$1> $| $2
R<$+> $| $+	$@ $>"TLS_req" $2 $| <$1>

#
# TLS_req: "<CN:name> <CS:subject> ... $| <code:dsn>": the certificate of the peer
# against each extra requirement.
#
STLS_req
R $| $+	$@ OK
R<CN> $* $| <$+>	$: <CN:$&{TLS_Name}> $1 $| <$2>	CN alone: the name of the peer
ifdef(`_FFR_TLS_ALTNAMES', `dnl
R<CN:$={cert_altnames}> $* $| <$+>	$@ $>"TLS_req" $2 $| <$3>
R<CN:$-.$+> $* $| <$+>	$: <CN:*.$2> $3 $| <$4>
R<CN:$={cert_altnames}> $* $| <$+>	$@ $>"TLS_req" $2 $| <$3>
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

#
# max: "a : b" (either may be empty) gives the larger number
#
Smax
R$* : $*	$: $1 0 : $2 0
R$- 0 : $- 0	$: $1 : $2
R0 : $- 0	$: 0 : $1
R$- 0 : 0	$: $1 : 0
R$- : $-	$: $(arith l $@ $1 $@ $2 $) $| $1 : $2
RTRUE $| $- : $-	$@ $2
R$* $| $- : $-	$@ $2
')dnl
ifdef(`_TLS_SESSION_FEATURES_', `dnl

#
# tls_srv_features / tls_clt_features: "name $| address": per-session
# TLS settings from TLS_Srv_Features: / TLS_Clt_Features: entries; ""
# when there are none
#
Stls_srv_features
ifdef(`_ACCESS_TABLE_', `dnl
R$* $| $*	$: <$2> $>AccHost <! TLS_Srv_Features> <$1>
R<$*> <?>	$: $>AccIP <! TLS_Srv_Features> <$1>
R<$*> <$*>	$: <$2>
R<?>	$@ ""
R<$+>	$@ $1
', `R$*	$@ ""
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
ifdef(`_ACCESS_TABLE_', `dnl
R$* $| $*	$: <$2> $>AccHost <! TLS_Clt_Features> <$1>
R<$*> <?>	$: $>AccIP <! TLS_Clt_Features> <$1>
R<$*> <$*>	$: <$2>
R<?>	$@ ""
R<"">	$@ ""
R<$+>	$@ $1
')dnl
R$*	$@ ""
')dnl

#
# RelayTLS: relaying for a client whose verified certificate has an issuer (or
# subject, when the entry of the issuer says SUBJECT) has a RELAY entry:
# CERTISSUER:issuer, CERTSUBJECT:subject.  "$# RELAY" or NO.
#
SRelayTLS
ifdef(`_ACCESS_TABLE_', `dnl
R$*	$: <$&{verify}>
R<$={TlsVerified}>	$: <I> ifdef(`_CERT_REGEX_ISSUER_', `$(CERTIssuer $&{cert_issuer} $)', `$&{cert_issuer}')
R<I> $+	$: $(access CERTISSUER`'_TAG_DELIM_`'$1 $)
R<$*>	$@ NO	not verified, or no issuer
R<$*> $*	$@ NO
RRELAY	$# RELAY
RSUBJECT	$: <S> ifdef(`_CERT_REGEX_SUBJECT_', `$(CERTSubject $&{cert_subject} $)', `$&{cert_subject}')
R<S> $+	$: <S> $(access CERTSUBJECT`'_TAG_DELIM_`'$1 $)
R<S> RELAY	$# RELAY
R$*	$@ NO
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
R$*	$: $>TlsPeer <! AuthInfo> <$&{server_name}> <$&{server_addr}>
R<?>	$@ no
R<_ATMPF_>	$@ no
R<$*>	$# $1
')')dnl
ifdef(`_RATE_CONTROL_', `dnl

#
# RateControl / ConnControl: limits from ClientRate: / ClientConn: entries
# of the client address (or the bare tag); 0 is no limit.  TernClientLimit
# does the work for both: "<tag> $| value now" -> OK, <TMPF> or
# "<limit> $| TRUE/FALSE"
#
SRateControl
R$*	$: $>TernClientLimit <ClientRate> $| $&{client_rate}
R<TMPF>	$#error $@ 4.3.0 $: _TMPFMSG_(`RC')
R<$+> $| TRUE	$#error $@ 4.3.2 $: _RATE_CONTROL_REPLY Connection rate limit exceeded.
')dnl
ifdef(`_CONN_CONTROL_', `dnl

SConnControl
R$*	$: $>TernClientLimit <ClientConn> $| $&{client_connections}
R<TMPF>	$#error $@ 4.3.0 $: _TMPFMSG_(`CC')
R<$+> $| TRUE	$#error $@ 4.3.2 $: _CONN_CONTROL_REPLY Too many open connections.
')dnl
ifdef(`_RATE_CONTROL_', `define(`_T_CLIENT_LIMIT_')', `ifdef(`_CONN_CONTROL_', `define(`_T_CLIENT_LIMIT_')')')dnl
ifdef(`_T_CLIENT_LIMIT_', `dnl

STernClientLimit
R<$+> $| $*	$: <$2> $| $>AccList <! $1> $| <A:$&{client_addr}> <E:> <>
R<$*> $| <?>	$@ OK	no entry
R<$*> $| <0>	$@ OK	no limit
R<$*> $| <_ATMPF_>	$@ <TMPF>
R<$*> $| <$+>	$@ <$2> $| $(arith l $@ $2 $@ $1 $)
')dnl
