divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl cf.m4 -- the entry point of Tern's m4 configuration package.
dnl
dnl A .mc file includes this file first:
dnl
dnl	divert(0)dnl
dnl	include(`../m4/cf.m4')dnl
dnl	OSTYPE(`linux')dnl
dnl	...
dnl
dnl so the classic workflow  cd cf/cf && m4 mailhost.mc > sendmail.cf  works,
dnl and from elsewhere  m4 -I cf/cf -D_CF_DIR_=cf/ mailhost.mc.  This file
dnl only finds the tree (_CF_DIR_, always ending in a slash) and loads the
dnl vocabulary in m4/tern.m4; the sendmail.cf itself is written at the end
dnl of the input by m4/proto.m4, so definitions made after the MAILER lines
dnl still count.  Including it twice is harmless.
dnl
ifdef(`_T_CF_LOADED_', `', `
define(`_T_CF_LOADED_', `1')
ifdef(`_CF_DIR_', `',
	`ifelse(__file__, `__file__',
		`define(`_CF_DIR_', `../')',
		`define(`_CF_DIR_',
			substr(__file__, 0, eval(len(__file__) - len(`m4/cf.m4'))))')')
ifelse(_CF_DIR_, `', `define(`_CF_DIR_', `./')',
	substr(_CF_DIR_, decr(len(_CF_DIR_))), `/', `',
	`define(`_CF_DIR_', _CF_DIR_`/')')
include(_CF_DIR_`m4/tern.m4')
')
divert(0)dnl
