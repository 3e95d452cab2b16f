divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl rules.m4 -- the address rulesets: canonify (3) and its bottom half
dnl Canonify2 (96), final (4), Recurse (97), parse (0) with Parse0,
dnl ParseLocal (98), Parse1, localaddr (5), MailerToTriple (95),
dnl CanonLocal, Mailertable (90), MasqHdr (93), MasqEnv (94) and the
dnl helpers of ldap_routing and bcc.
dnl
dnl Shape of an address between these rulesets: "local < @ host . > rest",
dnl the host in focus inside < >, a trailing dot once the host is known to
dnl be canonical.  Markers that the rules put in front of the workspace are
dnl < >-bracketed words; <@> stands for the null address and list:;.
dnl
dnl Written with tabs between the fields (sendmail needs at least one).
dnl
dnl _T_CANONHOSTS(class [, flag]) -- Canonify2's rule for a class whose
dnl members are names that need no lookup: such a host gets its final dot.
dnl When the macro named by flag is defined, hosts under a member count too.
define(`_T_CANONHOSTS', `ifelse(`$2', `', `_T_CANONEXACT(`$1')',
	`ifdef(`$2', `_T_CANONUNDER(`$1')', `_T_CANONEXACT(`$1')')')')
define(`_T_CANONEXACT', `R$`'* < @ $`'=$1 > $`'*	$`': $`'1 < @ $`'2 . > $`'3
')
define(`_T_CANONUNDER', `R$`'* < @ $`'* $`'=$1 > $`'*	$`': $`'1 < @ $`'2 $`'3 . > $`'4
')
divert(0)dnl
#
# canonify (3): the address with its host in focus, "user < @ host >".
# The work is done in steps, each a ruleset of its own: CanonGroup (group
# syntax), CanonList (what is left of list:;), Innermost (the innermost
# <...>), NoRoute (source routes), then Focus (which @, ! or % names the
# host) hands over to Canonify2.
#
Scanonify=3
R$@	$@ <@>	the null address
R$*	$: $>CanonGroup $1
R$*	$: $>CanonList $1
R$* :; <@>	$@ $1 :; <@>	list:;
R$*	$: $>Innermost $1
R< @ >	$@ < @ >	MAIL FROM:<>
R$*	$@ $>Focus $>NoRoute $1

#
# CanonGroup: "name: address ..." loses the group name, unless the colon
# belongs to something else: <...>, a leading @route:, an IPv6 literal,
# node::user, the list file syntax.  A colon before an address literal always counts
# as a group's (so "@route:user@[addr]" loses its route here).
#
SCanonGroup
R$*	$: <G> $1	G: the group name may go
R<G> $* < $* > $*	$: $1 < $2 > $3
R<G> @ $*	$: @ $1
R<G> $* [ IPv6 : $+ ]	$: $1 [ IPv6 : $2 ]
R<G> $* :: $*	$: $1 :: $2
R<G> : `include' : $*	$: : `include' : $1
R$* : $* [ $* ]	$: <G> $1 : $2 [ $3 ]
R$* < @ >	$: <G> $1	a trailing <@> goes too ("<@>" is an empty list)
R<G> $* : $*	$@ $2	everything up to the first colon
R<G> $*	$@ $1

#
# CanonList: the semicolons of a group's end.  "list:;" in brackets, or
# nothing left at all, is the empty list "... :; <@>".
#
SCanonList
R$* ;	$1
R$* < $+ :; > $*	$@ $2 :; <@>
R$* < $* ; >	$1 < $2 >
R$@	$@ :; <@>

#
# Innermost: keep only what the innermost <...> holds; "<>" is < @ >.
#
SInnermost
R$*	$: < $1 >
R$+ < $* >	< $2 >	drop what comes before
R< $* > $+	< $1 >	and after
R<>	$@ < @ >
R< $+ >	$@ $1

#
# NoRoute: a source route "@a,@b:user@c" ifdef(`_USE_DEPRECATED_ROUTE_ADDR_', `is kept as "< @a > : @b : user@c"', `is just "user@c"').
#
SNoRoute
ifdef(`_USE_DEPRECATED_ROUTE_ADDR_', `dnl
R@ $+ , $+	@ $1 : $2
ifdef(`NO_NETINET6', `', `R@ [$+] : $+	$@ $>Canonify2 < @ [$1] > : $2
')dnl
R@ $+ : $+	$@ $>Canonify2 < @$1 > : $2
', `dnl
R@ $+ , $+	$2
ifdef(`NO_NETINET6', `', `R@ [ $* ] : $+	$2
')dnl
R@ $+ : $+	$2
')dnl

#
# Focus: the host is after the rightmost @; else before the first ! (UUCP)
# ifdef(`_USE_DECNET_SYNTAX_', `or ::, ')else after the rightmost %.  A result of Canonify2 is passed on.
#
SFocus
R$+ : $* ; @ $+	$@ $>Canonify2 $1 : $2 ; < @ $3 >	list syntax
R$+ : $* ;	$@ $1 : $2;
R$* < @ $* > $*	$@ $1 < @ $2 > $3	NoRoute has done it
R$+ @ $+	$: $1 < @ $2 >
R$+ < $+ @ $+ >	$1 $2 < @ $3 >	not the rightmost: move it out
R$+ < @ $+ >	$@ $>Canonify2 $1 < @ $2 >
ifdef(`_NO_UUCP_', `', `dnl
R$- ! $+	$@ $>Canonify2 $2 < @ $1 .UUCP >	host!user
R$+ . $- ! $+	$@ $>Canonify2 $3 < @ $1 . $2 >	a.b!user
R$+ ! $+	$@ $>Canonify2 $2 < @ $1 .UUCP >
')dnl
ifdef(`_USE_DECNET_SYNTAX_', `dnl
R$- :: $+	$@ $>Canonify2 $2 < @ $1 .DECNET >
R$- . $- :: $+	$@ $>Canonify2 $3 < @ $1.$2 .DECNET >
')dnl
ifdef(`_NO_PERCENTHACK_', `', `dnl
R$* % $*	$1 @ $2	every % an @ ...
R$* @ $* @ $*	$1 % $2 @ $3	... but the last one a % again
')dnl
R$* @ $*	$@ $>Canonify2 $1 < @ $2 >
R$*	$@ $>Canonify2 $1	a local name

#
# Canonify2 (96): the focused host made canonical (a final dot marks it):
# localhost and our own address literals are $j, other literals stay as
# they are; domaintable and the site rules of ruleset 3; .UUCP names; then pseudo
# domains (class P) as they are, others looked up (HostLookup).
#
SCanonify2=96
R$* < @ localhost > $*	$: $1 < @ $j . > $2
R$* < @ localhost . $m > $*	$: $1 < @ $j . > $2
ifdef(`_NO_UUCP_', `', `R$* < @ localhost . UUCP > $*	$: $1 < @ $j . > $2
')dnl
R$* < @ [ $+ ] > $*	$: $1 < @ [ $2 ] > $3 $| [ $2 ]
R$* < @ [ $+ ] > $* $| $=w	$: $1 < @ $j . > $3	one of our addresses
R$* < @ [ $+ ] > $* $| $*	$@ $1 < @ [ $2 ] > $3	a literal not ours
ifdef(`_DOMAIN_TABLE_', `R$* < @ $+ > $*	$: $1 < @ $(domaintable $2 $) > $3
')dnl
undivert(14)dnl
ifdef(`_BITDOMAIN_TABLE_', `R$* < @ $+ .BITNET > $*	$: $1 < @ $(bitdomain $2 $: $2.BITNET $) > $3
')dnl
ifdef(`_UUDOMAIN_TABLE_', `R$* < @ $+ .UUCP > $*	$: $1 < @ $(uudomain $2 $: $2.UUCP $) > $3
')dnl
ifdef(`_NO_UUCP_', `',
`ifdef(`UUCP_RELAY', `R$* < @ $+ . UUCP > $*	$@ $1 < @ $2 . UUCP . > $3
', `dnl
define(`_T_UUCLASS', `ifdef(`_CLASS_$1_', `R$`'* < @ $`'=$1 . UUCP > $`'*	$`'@ $`'1 < @ $`'2 . UUCP . > $`'3
')')dnl
_T_UUCLASS(`U')_T_UUCLASS(`V')_T_UUCLASS(`W')_T_UUCLASS(`X')_T_UUCLASS(`Y')dnl
ifdef(`_NO_CANONIFY_', `', `dnl
R$* < @ $+ . UUCP > $*	$: $1 < @ $[ $2 $] . UUCP . > $3
R$* < @ $+ . . UUCP . > $*	$@ $1 < @ $2 . > $3	it was a local name
')')')dnl
R$* < @ $* $=P > $*	$: $1 < @ $2 $3 . > $4	a pseudo domain, or already canonical
R$* < @ $* $~P > $*	$: $4 $| $1 $| $>HostLookup $2 $3
R$* $| $* $| $*	$: $2 < @ $3 > $1	put back together
# names of this host, of masqueraded and virtual domains are canonical
_T_CANONHOSTS(`w')dnl
_T_CANONHOSTS(`M', `_MASQUERADE_ENTIRE_DOMAIN_')dnl
ifdef(`_VIRTUSER_TABLE_', `_T_CANONHOSTS(`{VirtHost}', `_VIRTUSER_ENTIRE_DOMAIN_')')dnl
ifdef(`_GENERICS_TABLE_', `_T_CANONHOSTS(`G', `_GENERICS_ENTIRE_DOMAIN_')')dnl
R$* < @ $* . . > $*	$1 < @ $2 . > $3	one final dot is enough

#
# HostLookup: a host name not known to be canonical; the name server is
# asked unless nocanonify is on ifdef(`_NO_CANONIFY_', `(on: only class {Canonify},
# daemons with the c modifier'ifdef(`_CANONIFY_HOSTS_', `, and names without a dot')`)', `(off: not on daemons with CC)').
#
SHostLookup
R$*	$: $&{daemon_flags} $| $1
ifdef(`_NO_CANONIFY_', `dnl
R$* $| $* $={Canonify}	$@ $[ $2 $3 $]
R$* c $* $| $+	$@ $[ $3 $]
R$* $| $+ .	$@ $2 .
R$* $| $+ . $+	$@ $2 . $3 .
ifdef(`_CANONIFY_HOSTS_', `R$* $| $*	$@ $[ $2 $]
')dnl
', `dnl
R$* CC $* $| $+ . $+	$@ $3 . $4 .
R$* CC $* $| $*	$@ $3
ifdef(`_FFR_NOCANONIFY_HEADERS', `dnl
R$* $| $*	$: $&{addr_type} $| $2
R$* h $* $| $+ . $+	$@ $3 . $4 .
R$* h $* $| $*	$@ $3
')dnl
R$* $| $*	$@ $[ $2 $]	ask the name server
')dnl
R$* $| $*	$@ $2

#
# final (4): the external form: no focus, no final dots, user@host.
#
Sfinal=4
R$+ :; <@>	$@ $1 :	list:;
R$* <@>	$@	the null address, an empty list
R$* < @ *LOCAL* > $*	$: $1 < @ $j > $2
R$* < @ $+ . > $*	$: $1 < @ $2 > $3
R$* < $+ > $*	$: $1 $2 $3	out of focus
R@ $+ : @ $+ : $+	@ $1 , @ $2 : $3	a route gets its commas back
R@ $*	$@ @ $1
ifdef(`_NO_UUCP_', `', `R$+ @ $- . UUCP	$: $2!$1	user@host.UUCP is host!user
')dnl
ifdef(`_USE_DECNET_SYNTAX_', `R$+ @ $+ . DECNET	$: $2 :: $1
')dnl
R$+ % $=w @ $=w	$: $1 @ $2

#
# Recurse (97): start again from the top.  Two steps, each its own rule:
# when the ruleset nesting limit is hit inside canonify, parse still gets
# the address (unfocused), as sendmail's own cf has it.
#
SRecurse=97
R$*	$: $>canonify $1
R$*	$@ $>parse $1

#
# parse (0): pick mailer, host and user: Parse0 (syntax, names of this
# host), ParseLocal (the site rules of ruleset 0), Parse1 (the mailer).
#
Sparse=0
R$*	$: $>Parse0 $1
R<@>	$#_LOCAL_ $: <@>	the null address: local, for its error message
R$*	$: $>ParseLocal $1
R$*	$: $>Parse1 $1

#
# Parse0: refuses bad syntax with an error triple; drops the names of this
# host, and starts over when what is left still routes (a network
# character of class O in the local part).  Returns the address.
#
SParse0
R<@>	$@ <@>
R$* : $* ; <@>	$#error $@ 5.1.3 $: "553 List:; syntax illegal for recipient addresses"
R@ <@ $* >	< @ $1 >	"@@host" is "@host"
R<@ $+>	$#error $@ 5.1.3 $: "553 User address required"
R$+ <@>	$#error $@ 5.1.3 $: "553 Hostname required"
R$*	$: $>LiteralSyntax $1
R$#$*	$#$1
R$* < @ . $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* .. $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* @ > $*	$#error $@ 5.1.2 $: "553 Invalid route address"
R$* @ $* < @ $* > $*	$#error $@ 5.1.3 $: "553 Invalid route address"
R$* , $~O $*	$#error $@ 5.1.3 $: "553 Invalid route address"
ifdef(`_STRICT_RFC821_', `dnl
R$* . < @ $* > $*	$#error $@ 5.1.2 $: "553 Local part must not end with a dot"
R. $* < @ $* > $*	$#error $@ 5.1.2 $: "553 Local part must not begin with a dot"
')dnl
R$* < @ > $*	$@ $>Parse0 $>canonify $1	user@ is user
R< @ $=w . > : $*	$@ $>Parse0 $>canonify $2	@here:rest is rest
R$- < @ $=w . >	$: $(dequote $1 $) < @ $2 . >
R< @ $+ >	$#error $@ 5.1.3 $: "553 User address required"
R$* $=O $* < @ $=w . >	$@ $>Parse0 $>canonify $1 $2 $3	user%host@here
R$-	$: $(dequote $1 $) < @ *LOCAL* >
R< @ *LOCAL* >	$#error $@ 5.1.3 $: "553 User address required"
R$* $=O $* < @ *LOCAL* >	$@ $>Parse0 $>canonify $1 $2 $3
R$* < @ *LOCAL* >	$: $1
ifdef(`_ADD_BCC_', `R$+	$: $>ParseBcc $1
')dnl
ifdef(`_PREFIX_MOD_', `dnl
dnl prefixmod: set the flags first (the macro map leaves nothing behind), then the rest of the address
R _PREFIX_MOD_ $+	$: $(macro {rcpt_flags} $@ _PREFIX_FLAGS_ $) $1
')dnl

#
# LiteralSyntax: an address literal in focus must be the whole host part
# (a route after it aside); a colon in any other host part is an error.
#
SLiteralSyntax
R$* < @ [ $* ] : $+ > $*	$@ $1 < @ [ $2 ] : $3 > $4
R$* < @ [ $* ] , $+ > $*	$@ $1 < @ [ $2 ] , $3 > $4
R$* < @ [ $* ] $+ > $*	$#error $@ 5.1.2 $: "553 Invalid address"
R$* < @ [ $+ ] > $*	$@ $1 < @ [ $2 ] > $3
R$* < $* : $* > $*	$#error $@ 5.1.3 $: "553 Colon illegal in host name part"

ifdef(`_VIRTUSER_TABLE_', `dnl
#
# VirtLookup: "local $| domain" -> the virtusertable value, or a lone $|
# when none of the keys is there.  Keys in order, with the arguments the
# value may use as %1 %2 %3:
#	local@domain					%1 local
# and when local is user+detail (split at its first +):
#	user++@domain (only for a non-empty detail), user+*@domain,
#	user@domain, ++@domain (ditto), +*@domain, @domain
#							%1 user, %2 detail,
#							%3 +detail
# and otherwise
#	@domain						%1 local
# Every miss leaves a workspace that starts with $|, and only such
# workspaces are looked at again; a value never contains that operator,
# so the first value found goes straight through to the end.  No ruleset
# is called from here (Parse1 counts on that for its nesting depth).
#
SVirtLookup
R$+ $| $+	$: $(virtuser $1 @ $2 $@ $1 $: $| $1 $| $2 $)
R$| $+ + $* $| $+	$: $| $1 $| $2 $| $3	user, detail and domain apart
R$| $+ $| $+ $| $+	$: $(virtuser $1 + + @ $3 $@ $1 $@ $2 $@ + $2 $: $| $1 $| $2 $| $3 $)
R$| $+ $| $* $| $+	$: $(virtuser $1 + * @ $3 $@ $1 $@ $2 $@ + $2 $: $| $1 $| $2 $| $3 $)
R$| $+ $| $* $| $+	$: $(virtuser $1 @ $3 $@ $1 $@ $2 $@ + $2 $: $| $1 $| $2 $| $3 $)
R$| $+ $| $+ $| $+	$: $(virtuser + + @ $3 $@ $1 $@ $2 $@ + $2 $: $| $1 $| $2 $| $3 $)
R$| $+ $| $* $| $+	$: $(virtuser + * @ $3 $@ $1 $@ $2 $@ + $2 $: $| $1 $| $2 $| $3 $)
R$| $+ $| $* $| $+	$@ $(virtuser @ $3 $@ $1 $@ $2 $@ + $2 $: $| $)
R$| $+ $| $+	$@ $(virtuser @ $2 $@ $1 $: $| $)
')dnl

#
# Parse1: the bottom half of parse.
#
SParse1
ifdef(`_LDAP_ROUTING_', `dnl
# LDAP routing: "address $| key $| detail" to LDAPExpand; an equivalent
# domain is looked up under the masquerade name
R$+ < @ $={LDAPRoute} . >	$: $>LDAPExpand $1 < @ $2 . > $| $1 @ $2 $|
R$+ < @ $={LDAPRouteEquiv} . >	$: $>LDAPExpand $1 < @ $2 . > $| $1 @ $M $|
')dnl
ifdef(`_MAILER_smtp_', `dnl
# address literals: the site rules see them first, then they go by SMTP to
# the address itself, or to the smart host ($S as "mailer:host" or "host")
R$* < @ [ $+ ] > $*	$: $>ParseLocal $1 < @ [ $2 ] > $3
R$* < @ [ $+ ] > $*	$: $S $| $1 < @ [ $2 ] > $3
R$| $* < @ [ $+ ] > $*	$#_SMTP_ $@ [$2] $: $1 < @ [$2] > $3
R$- : $* $| $* < @ [ $+ ] > $*	$#$1 $@ $2 $: $3 < @ [$4] > $5
R$+ $| $* < @ [ $+ ] > $*	$#_SMTP_ $@ $1 $: $2 < @ [$3] > $4
')dnl
ifdef(`_VIRTUSER_TABLE_', `dnl
ifdef(`_VIRTUSER_STOP_ONE_LEVEL_RECURSION_', `dnl
# {RecipientAddress} is the address as it came, in external form, so that
# a table value naming it again is not looked up once more (below).  The
# macro map must exist for this: without it the words stay in the
# workspace and every such address misses the table, as in sendmail.
R$+ < @ $+ >	$: $(macro {RecipientAddress} $) $1 < @ $2 > $| $>final $1 < @ $2 >
R$+ $| $*	$: $1 $(macro {RecipientAddress} $@ $2 $)
')dnl
# virtual users: VirtLookup answers with the table value, or with a lone
# $| when the table does not know the address ("address $| answer")
ifdef(`_VIRTUSER_ENTIRE_DOMAIN_',
`R$+ < @ $* $={VirtHost} . >	$: $1 < @ $2 $3 . > $| $>VirtLookup $1 $| $2 $3
', `R$+ < @ $={VirtHost} . >	$: $1 < @ $2 . > $| $>VirtLookup $1 $| $2
')dnl
R$+ < @ $=w . >	$: $1 < @ $2 . > $| $>VirtLookup $1 $| $2
R$+ $| $|	$: $1	no entry: on as before
R$+ $|	$: < > $1	an empty value (a text map): kept as sendmail keeps it
R$* $| error : $- . $- . $- : $+	$#error $@ $2.$3.$4 $: $5
R$* $| error : $- $+	$#error $@ $(dequote $2 $) $: $3
ifdef(`_VIRTUSER_STOP_ONE_LEVEL_RECURSION_', `dnl
# the value is the address itself: parse it here and go on
R$+ $| $+	$: $1 $| $2 $| $2
R$+ $| $+ $| $&{RecipientAddress}	$: $>ParseLocal $>Parse0 $>canonify $2
R$+ $| $+ $| $+	$: $1 $| $2
')dnl
ifdef(`_NO_VIRTUSER_RECURSION_', `dnl
# the value is parsed once, never looked up again
R$+ $| $+	$: $>ParseLocal $>Parse0 $>canonify $2
', `dnl
# the value is a new address: it starts over (and may be virtual again)
R$+ $| $+	$: $>Recurse $2
')')dnl
ifdef(`_MAILER_usenet_', `R$+ . USENET < @ $=w . >	$#usenet $@ usenet $: $1
')dnl
ifdef(`_STICKY_LOCAL_DOMAIN_', `dnl
# stickyhost: user@thishost goes to the hub first
R$+ < @ $=w . >	$: < $H > $1 < @ $2 . >
R< $+ > $+ < $+ >	$>MailerToTriple < $1 > $2 < $3 >
R< > $+ + $* < $+ >	$#_LOCAL_ $: $1 + $2
R< > $+ < $+ >	$#_LOCAL_ $: @ $1
', `dnl
R$=L < @ $=w . >	$#_LOCAL_ $: @ $1	class L: always here
R$+ < @ $=w . >	$#_LOCAL_ $: $1
')dnl
ifdef(`_MAILER_TABLE_', `dnl
# mailertable: "host $| address"; the whole host name (without its final
# dot) first, then ever shorter .domain keys in ruleset Mailertable
R$* < @ $+ > $*	$: $2 $| $1 < @ $2 > $3
R$+ . $| $*	$: $1 $| $2
R$+ $| $*	$: $(mailertable $1 $) $| $2
R$~[ : $* $| $*	$>MailerToTriple < $1 : $2 > $3
R$+ $| $*	$: $>Mailertable <$1> $2
')dnl
undivert(17)dnl
ifdef(`_NO_UUCP_', `', `dnl
ifdef(`_CLASS_V_', `R$* < @ $=V . UUCP . > $*	$: $>MailerToTriple < $V > $1 <@$2.UUCP.> $3
')dnl
ifdef(`_CLASS_W_', `R$* < @ $=W . UUCP . > $*	$: $>MailerToTriple < $W > $1 <@$2.UUCP.> $3
')dnl
ifdef(`_CLASS_X_', `R$* < @ $=X . UUCP . > $*	$: $>MailerToTriple < $X > $1 <@$2.UUCP.> $3
')')dnl
ifdef(`BITNET_RELAY', `R$*<@$+.BITNET.>$*	$: $>MailerToTriple < $B > $1 <@$2.BITNET.> $3
')dnl
ifdef(`DECNET_RELAY', `R$*<@$+.DECNET.>$*	$: $>MailerToTriple < $C > $1 <@$2.DECNET.> $3
')dnl
ifdef(`_MAILER_pop_', `R$+ < @ POP. >	$#pop $: $1
')dnl
ifdef(`_MAILER_fax_', `R$+ < @ $+ .FAX. >	$#fax $@ $2 $: $1
', `ifdef(`FAX_RELAY', `R$*<@$+.FAX.>$*	$: $>MailerToTriple < $F > $1 <@$2.FAX.> $3
')')dnl
ifdef(`UUCP_RELAY', `R$*<@$*.UUCP.>$*	$: $>MailerToTriple < $Y > $1 <@$2.UUCP.> $3
', `ifdef(`_MAILER_uucp_', `R$* < @ $+ .UUCP. > $*	$#_UUCP_ $@ $2 $: $1 < @ $2 .UUCP. > $3
')')dnl
ifdef(`_MAILER_usenet_', `R$+ . USENET	$#usenet $@ usenet $: $1
')dnl
ifdef(`_LOCAL_RULES_', `undivert(16)')dnl
# anything still remote goes to the smart host, if there is one
R$* < @ $* > $*	$: $>MailerToTriple < $S > $1 < @ $2 > $3
ifdef(`_MAILER_smtp_', `R$* < @$* > $*	$#_SMTP_ $@ $2 $: $1 < @ $2 > $3
', `R$* < @$* > $*	$#error $@ 5.1.2 $: "553 Unrecognized host name " $2
')dnl
R$=L	$#_LOCAL_ $: @ $1
R$+	$#_LOCAL_ $: $1
ifdef(`_ADD_BCC_', `
SParseBcc
R$+	$: $&{addr_type} $| $&A $| $1
Re b $| $+ $| $+	$>MailerToTriple < $1 > $2
R$* $| $* $| $+	$@ $3
')dnl

#
# localaddr (5): after aliasing, for local users: +detail, the relay
# for unknown users, the mail hub, the local relay.
#
SLocal_localaddr
Slocaladdr=5
R$+	$: $1 $| $>"Local_localaddr" $1
R$+ $| $#ok	$@ $1
R$+ $| $#$*	$#$2
R$+ $| $*	$: $1
ifdef(`_PRESERVE_LUSER_HOST_', `dnl
R$+	$: $1 $| $&h $| $&{Host}
R$+ $| $|	$: $(macro {Host} $@ $) $1
R$+ $| $| $+	$: $1
R$+ $| +$* $| $*	$: $1
R$+ $| $* @ $+ $| $*	$: $(macro {Host} $@ @$3 $) $1
R$+ $| $+ $| $*	$: $(macro {Host} $@ @$2 $) $1
')dnl
ifdef(`_PRESERVE_LOCAL_PLUS_DETAIL_', `', `dnl
# user+detail: deliver to user+* with the detail as host; sendmail calls
# this ruleset again for user+* and wants the detail back from $h
R$+ + *	$#_LOCAL_ $@ $&h $: $1
R$+ + $*	$#_LOCAL_ $@ + $2 $: $1 + *
')dnl
# from here the workspace is "relay $| user"; an empty relay means here
R$+	$: $| $1
ifdef(`LUSER_RELAY', `dnl
# users the user map does not know go to the LUSER_RELAY
ifdef(`_PRESERVE_LOCAL_PLUS_DETAIL_', `dnl
R$| $+ + $*	$: ? $L $| + $2 $| $(user $1 $)
R$| $+	$: ? $L $| $| $(user $1 $)
R? $* $| $* $| $+ <>	$: $| $3 $2
R? $* $| $* $| $+	$: $1 $| $3 $2
', `dnl
R$| $+	$: $L $| $(user $1 $)
R$* $| $+ <>	$: $| $2
')dnl
ifdef(`_PRESERVE_LUSER_HOST_', `R$+ $| $+	$: $1 $| $2 $&{Host}
')')dnl
ifdef(`MAIL_HUB', `R$| $+	$: $H $| $1
')dnl
ifdef(`LOCAL_RELAY', `R$| $+	$: $R $| $1
')dnl
ifdef(`_PRESERVE_LOCAL_PLUS_DETAIL_', `R$| $+	$@ $1
', `dnl
# no relay: put back the +detail sendmail kept in $h, then split the user
# at the first + again
R$| $+	$: $| $1 $| $&h
ifdef(`_PRESERVE_LUSER_HOST_', `R$| $+ @ $+ $| + $*	$: $| $1 + $3 @ $2
')dnl
R$| $+ $| + $*	$: $| $1 + $2
R$| $+ $| $*	$: $| $1
R$| $+ + $*	$#_LOCAL_ $@ $2 $: @ $1
R$| $+	$@ $1
# a relay: the same +detail handling, then a triple for the relay
R$+ $| $+	$: $1 $| $2 $| $&h
ifdef(`_PRESERVE_LUSER_HOST_', `R$+ $| $+ @ $+ $| + $*	$: $1 $| $2 + $4 @ $3
')dnl
R$+ $| $+ $| + $*	$: $1 $| $2 + $3
R$+ $| $+ $| $*	$: $1 $| $2
')dnl
Rlocal : $* $| $*	$: $>MailerToTriple < local : $1 > $2
Rerror : $* $| $*	$: $>MailerToTriple < error : $1 > $2
ifdef(`_PRESERVE_LUSER_HOST_', `R$~[ : $+ $| $+ @ $+	$: $>MailerToTriple < $1 : $2 > $3 < @ $4 >
')dnl
R$~[ : $+ $| $+	$: $>MailerToTriple < $1 : $2 > $3 < @ $2 >
ifdef(`_PRESERVE_LUSER_HOST_', `R$+ $| $+ @ $+	$@ $>MailerToTriple < $1 > $2 < @ $3 >
')dnl
R$+ $| $+	$@ $>MailerToTriple < $1 > $2 < @ $1 >
ifdef(`_MAILER_TABLE_', `dnl
ifdef(`_LDAP_ROUTING_', `dnl

#
# LDAPMailertable: "mail host $| address" from LDAPExpand: the mailertable
# entry of the host itself if it names a mailer (a plain value stands in
# for the host), else its domains as Mailertable tries them, else the
# relay mailer
#
SLDAPMailertable
R$+ $| $*	$: $(mailertable $1 $) $| $2
R$~[ : $* $| $*	$@ $>MailerToTriple < $1 : $2 > $3
R$+ $| $*	$: $1 $| $>Mailertable <$1> $2
R$+ $| $#$*	$# $2
R$+ $| $*	$#_RELAY_ $@ $1 $: $2
')dnl

#
# Mailertable (90): try .domain keys, one label shorter each time,
# then the "." entry.  Input: left-part < right-part > address.
#
SMailertable=90
# "consumed < rest > address": look up ".rest" without its first label
# (%1 the labels consumed, %2 the last one), then one label shorter, and
# last of all ".".  One level of recursion per label.
R$* < $- . $+ > $*	$: $1 $2 < $(mailertable . $3 $@ $1 $2 $@ $2 $: ? . $3 $) > $4
R$* < $~[ : $* > $*	$>MailerToTriple < $2 : $3 > $4
R$* < ? . $+ > $*	$@ $>Mailertable $1 . < $2 > $3	not there: a label less
R$* < $* > $*	$: < $(mailertable . $@ $1 $2 $: ? $) > $3
R< $~[ : $* > $*	$>MailerToTriple < $1 : $2 > $3
R< $* > $*	$@ $2	no entry
')dnl

#
# MailerToTriple (95): turn "< value > address" into a triple.  The value
# comes from the configuration (smart host, hub, relays, mailertable):
# empty (no relay), error:[code:]text, local:[user], mailer:host,
# mailer:user@host, or a bare host for the relay mailer.  The value is
# split off first, then its kind decides.
#
SMailerToTriple=95
R< $* > $*	$: $1 $| $2
R$| $*	$@ $1	no relay at all
Rerror : $-.$-.$- : $+ $| $*	$#error $@ $1.$2.$3 $: $4
Rerror : $- : $+ $| $*	$#error $@ $(dequote $1 $) $: $2
Rerror : $+ $| $*	$#error $: $1
Rlocal : $* $| $*	$@ $>CanonLocal < $1 > $2
R$~[ : $+ @ $+ $| $* < $* > $*	$# $1 $@ $3 $: $2 < @ $3 >	the user is given
R$~[ : $+ $| $*	$# $1 $@ $2 $: $3
R$=w $| $*	$@ $2	that is us
R$+ $| $*	$#_RELAY_ $@ $1 $: $2

#
# CanonLocal: "local:" and "local:user" values, input "< user > address".
# An address that still routes somewhere (a route, or a network character
# in the local part) starts over; otherwise the local mailer gets the old
# user (or the given one) with the old address as its host part.
#
SCanonLocal
R< $* > $*	$: $1 $| $2
R$* $| < @ $+ > : $+	$@ $>Recurse $3
R$* $| $+ $=O $+ < @ $+ >	$@ $>Recurse $2 $3 $4
R$* $| $* < @ $* . >	$: $1 $| $2 < @ $3 >
R$+ @ $+ $| $* < @ $* >	$: $1 $| $3 < @ $4 >	local:user@host keeps only user
R$| $* < @ $* > $*	$#_LOCAL_ $@ $1@$2 $: $1
R$| $+	$#_LOCAL_ $@ $1 $: $1
R$+ $| $* < @ $* > $*	$#_LOCAL_ $@ $2@$3 $: $1
R$+ $| $*	$#_LOCAL_ $@ $2 $: $1
R$|	$@ < >

#
# MasqHdr (93): header addresses in masqueraded form.
#
SMasqHdr=93
ifdef(`_GENERICS_TABLE_', `dnl
ifdef(`_GENERICS_ENTIRE_DOMAIN_',
`R$+ < @ $* $=G . >	$: < $1@$2$3 > $1 < @ $2$3 . > @
', `R$+ < @ $=G . >	$: < $1@$2 > $1 < @ $2 . > @
')dnl
R$+ < @ *LOCAL* >	$: < $1@$j > $1 < @ *LOCAL* > @
R< $+ > $+ < $* > @	$: < $(generics $1 $: @ $1 $) > $2 < $3 >
R<@$+ + $* @ $+> $+ < @ $+ >	$: < $(generics $1+*@$3 $@ $2 $:@$1 + $2@$3 $) >  $4 < @ $5 >
R<@$+ + $* @ $+> $+ < @ $+ >	$: < $(generics $1@$3 $: $) > $4 < @ $5 >
R<@$+ > $+ < @ $+ >	$: < > $2 < @ $3 >
R< > $+ < @ $+ . >	$: < $(generics @$2 $@ $1 $: $) > $1 < @ $2 . >
R< > $+ < @ $+ >	$: < $(generics $1 $: $) > $1 < @ $2 >
R< > $+ + $* < @ $+ >	$: < $(generics $1+* $@ $2 $: $) > $1 + $2 < @ $3 >
R< > $+ + $* < @ $+ >	$: < $(generics $1 $: $) > $1 + $2 < @ $3 >
R< $* @ $* > $* < $* >	$@ $>canonify $1 @ $2
R< $+ > $* < $* >	$: $>canonify $1 @ *LOCAL*
R< > $*	$: $1
')dnl
R$* < @ $* $=N . >	$@ $1 < @ $2 $3 . >	class N: never masqueraded
ifdef(`MASQUERADE_NAME', `dnl
# class E users keep the name of this host
R$=E < @ *LOCAL* >	$@ $1 < @ $j . >
ifdef(`_MASQUERADE_ENTIRE_DOMAIN_', `R$=E < @ $* $=M . >	$@ $1 < @ $2 $3 . >
', `R$=E < @ $=M . >	$@ $1 < @ $2 . >
')dnl
ifdef(`_LIMITED_MASQUERADE_', `', `R$=E < @ $=w . >	$@ $1 < @ $2 . >
')dnl
ifelse(defn(`MASQUERADE_NAME'), `', `dnl
# masquerading as nobody: names of this host stay, *LOCAL* is $j
R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2
', `dnl
# everyone else of class M domains, this host (class w) and unqualified
# local names becomes $M
ifdef(`_MASQUERADE_ENTIRE_DOMAIN_', `R$* < @ $* $=M . > $*	$@ $1 < @ $M . > $4
', `R$* < @ $=M . > $*	$@ $1 < @ $M . > $3
')dnl
ifdef(`_LIMITED_MASQUERADE_', `', `R$* < @ $=w . > $*	$@ $1 < @ $M . > $3
')dnl
R$* < @ *LOCAL* > $*	$@ $1 < @ $M . > $2
')dnl
# a host part that ends in @ or holds an @ keeps what follows the last one
R$* < @ $+ @ > $*	$: $1 < @ $2 > $3
R$* < @ $+ @ $+ > $*	$: $1 < @ $3 . > $4
', `R$* < @ *LOCAL* >	$@ $1 < @ $j . >
')dnl

#
# MasqEnv (94): envelope addresses in masqueraded form.
#
SMasqEnv=94
ifdef(`_MASQUERADE_ENVELOPE_', `R$+	$@ $>MasqHdr $1
', `R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2
')dnl

#
# ParseLocal (98): the rules of the site for ruleset 0, inside parse.
#
SParseLocal=98
undivert(13)dnl
ifdef(`_LDAP_ROUTING_', `include(_CF_DIR_`m4/ldaproute.m4')')dnl
