divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`check_other' [, regex]) -- ruleset check_other, which
dnl sendmail calls for SMTP commands it does not otherwise check, with
dnl "command $| first digit of the reply".  A command that is going to be
dnl refused (5) and matches regex [^[[:print:]]+ *:, i.e. looks like a mail
dnl header: the client is not speaking SMTP] ends the session with
dnl "421 bad command".  Commands answered with 2 pass.
dnl
_T_MODULE
define(`_T_CHKO_RX', ifelse(defn(`_ARG_'), `', `^[[:print:]]+ *:', `defn(`_ARG_')'))
_T_PUSH(11)Kbadcmd regex -m -a<BADCMD> defn(`_T_CHKO_RX')
_T_POP
_T_PUSH(15)
Scheck_other
R$* $| 2	$@ ok
R$+ $| 5	$: $(badcmd $1 $)
R$* <BADCMD>	$#error $@ 4.7.0 $: 421 bad command
_T_POP
