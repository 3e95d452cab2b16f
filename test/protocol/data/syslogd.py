# SPDX-License-Identifier: BSD-3-Clause
#
# syslogd.py SOCKET LOGFILE -- a tiny syslog receiver for the protocol
# tests' namespace: every datagram on the unix socket SOCKET (/dev/log)
# is appended to LOGFILE as one line, without its "<PRI>" prefix, so that
# a test (or a person reading a failure) sees the MTA's log lines.
import os
import socket
import sys

path, log = sys.argv[1], sys.argv[2]
try:
    os.unlink(path)
except OSError:
    pass
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
os.chmod(path, 0o666)
with open(log, 'ab', buffering=0) as f:
    while True:
        d = s.recv(65536)
        if d.startswith(b'<'):
            d = d.split(b'>', 1)[-1]
        f.write(d.rstrip(b'\0\n') + b'\n')
