divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`xagent') -- "xagent": delivery through a site's own agent
dnl program, for site rules and mailertable entries.
dnl	XAGENT_MAILER_PATH [/usr/lib/xagent]  XAGENT_MAILER_ARGS [xagent $h $u]
dnl	XAGENT_MAILER_FLAGS [DFMueXLn] (the whole set)  XAGENT_MAILER_MAX
dnl Addresses go through rulesets 11/31 (senders) and 21/31 (recipients),
dnl which the site writes itself.
dnl
_T_MODULE
_T_DEFAULT(`XAGENT_MAILER_PATH', `/usr/lib/xagent')
_T_DEFAULT(`XAGENT_MAILER_FLAGS', `DFMueXLn')
_T_DEFAULT(`XAGENT_MAILER_ARGS', `xagent $h $u')
_T_PUSH(19)
Mxagent,	P=XAGENT_MAILER_PATH, F=XAGENT_MAILER_FLAGS, S=11/31, R=21/31,
		_T_OPTIN(`XAGENT_MAILER_MAX', `M=', `, ')T=DNS/RFC822/X-Unix,
		A=XAGENT_MAILER_ARGS, E=\n
_T_POP
