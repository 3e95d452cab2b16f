divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`domainmap', `domain', `map') -- virtual hosting with one map
dnl per domain, keyed by the user name alone (a contributed feature of
dnl sendmail's package).  user[+detail]@domain is looked up in map (for
dnl each domain a K line named domain_<domain with . and - as _>, with
dnl -T<TEMP>); the value is the new address, +detail put back after its
dnl user part, and the address starts over.  A user the map does not know
dnl is refused "550 email address lookup in domain map failed"; when the
dnl map fails for now the mail is queued (dsmtp to localhost).  Domains of
dnl class w need LOCAL_USER entries for the users that stay here.
dnl DOMAINMAP_NO_REGEX: turn the domain into the map name without a regex
dnl map (dots only).
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `_T_FAIL(`FEATURE(`domainmap'): the domain is missing')')
ifelse(defn(`_ARG2_'), `', `_T_FAIL(`FEATURE(`domainmap'): the map is missing')')
_T_PUSH(11)C{MappedDomain} defn(`_ARG_')
K`'domain_`'translit(defn(`_ARG_'), `.-', `__') defn(`_ARG2_') -T<TEMP>
_T_POP
ifdef(`_T_DOMAINMAP_', `', `define(`_T_DOMAINMAP_', `1')dnl
ifdef(`DOMAINMAP_NO_REGEX', `', `_T_PUSH(11)Kdomainmap_regex regex -a.:NOTDONE: -s1,2 -d_ (.*)[-\.]([^-\.]*)$
_T_POP`'')dnl
_T_PUSH(13)dnl
R$* $=O $* < @ $={MappedDomain} . >	$@ $>Recurse $1 $2 $3	a route inside: follow it
R$+ < @ $={MappedDomain} . >	$@ $>DomainMapLookup $1 < @ $2 . >
_T_POP
_T_PUSH(15)

#
# DomainMapLookup: "user < @ mapped.domain . >" through the map of its domain
#
SDomainMapLookup
R$=L < @ $=w . >	$@ $1 < @ $2 . >	class L: local users stay
R$+ < @ $+ >	$: $1 < @ $2 > <$&{addr_type}>
R$+ < @ $+ > <e s>	$#smtp $@ $2 $: $1 @ $2	a sender is not mapped
ifdef(`DOMAINMAP_NO_REGEX', `dnl
R$+ < @ $+ > <$*>	$: $1 < @ $2 > <$2>
R$+ <$+> <$+ . $+>	$1 <$2> < $(dequote $3 "_" $4 $) >	every . a _
R$+ <$+> <$+ .>	$: $1 <$2> < $(dequote "domain_" $3 $) >
', `dnl
R$+ < @ $+ > <$*>	$: $1 < @ $2 > <$2 :NOTDONE:>
R$+ <$+> <$+ . :NOTDONE:>	$1 <$2> < $(domainmap_regex $3 $: $3 $) >	. and - become _
R$+ <$+> <$+>	$: $1 <$2> < $(dequote "domain_" $3 $) >
')dnl
R$+ <$+> <$+>	$: $1 <$2> <$3> $1	the map name, then the user
R$+ <$+> <$+> $+ + $*	$: $1 <$2> <$3> $4	without +detail
R$+ <$+> <$+> $+	$: $1 <$2> $( $3 $4 $: <ERROR> $)
R$+ <$+> <ERROR>	$#error $@ 5.1.1 $: "550 email address lookup in domain map failed"
R$+ < @ $+ > $* <TEMP> $*	$#dsmtp $@ localhost $: $1 @ $2	try again later
R$+ + $* <$+> $+ @ $+	$: $1 + $2 <$3> $4 + $2 @ $5	+detail back
R$+ <$+> $+	$@ $>Recurse $3	start over with the new address
_T_POP')
