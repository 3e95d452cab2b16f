#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# record.sh -- (re)record the expected side of test/conformance/cf_check.sh:
# for each config folder here, cases.txt is common.txt plus extra-NAME.txt
# (when there is one), and expected.txt is what the REAL sendmail 8.17
# prints for those cases on the cf built by the REAL macros (sendmail-cf)
# from NAME.mc, with the fixture maps built by the real makemap, in the
# pinned namespace of ../shared/conformance/bt/run.sh.  Never edit
# expected.txt by hand.  Needs root and unshare.
#
#   sh test/conformance/cf/check/record.sh [NAME ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../../.." && pwd)
shared=${TERN_SHARED:-$(cd "$top/.." && pwd)/shared}
runsh=$shared/conformance/bt/run.sh
[ -f "$runsh" ] || { echo "record.sh: no $runsh" >&2; exit 2; }
[ $# -gt 0 ] || set -- $(cd "$here" && for d in */; do [ -f "$d${d%/}.mc" ] && echo "${d%/}"; done)
for name in "$@"; do
	d=$here/$name
	cat "$here/common.txt" >"$d/cases.txt"
	[ -f "$here/extra-$name.txt" ] && cat "$here/extra-$name.txt" >>"$d/cases.txt"
	RECORD=1 bash "$runsh" real auto "$d"
done
