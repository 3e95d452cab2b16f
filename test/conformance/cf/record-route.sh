#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# record-route.sh -- (re)record expected.txt of the route folders here
# (NAME/NAME.mc, cases.txt, maps.txt, etc-mail/), which cf_route.sh runs
# with Tern's macros: expected.txt is what the REAL sendmail 8.17 prints
# for cases.txt on the cf built by the REAL macros (sendmail-cf) from
# NAME.mc, fixture maps built by the real makemap, in the pinned namespace
# of ../shared/conformance/bt/run.sh.  Never edit expected.txt by hand.
# Needs root and unshare.
#
#   sh test/conformance/cf/record-route.sh NAME ...
#   (e.g. virtuser virtuser-entire virtuser-norecurse virtuser-stoponly
#    ldaprouting ldaprouting-pass ldaprouting-plain)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
shared=${TERN_SHARED:-$(cd "$top/.." && pwd)/shared}
runsh=$shared/conformance/bt/run.sh
[ -f "$runsh" ] || { echo "record-route.sh: no $runsh" >&2; exit 2; }
[ $# -gt 0 ] || { sed -n '3,15p' "$0" >&2; exit 2; }
for name in "$@"; do
	[ -f "$here/$name/$name.mc" ] || { echo "record-route.sh: no $name/$name.mc" >&2; exit 2; }
	RECORD=1 bash "$runsh" real auto "$here/$name"
done
