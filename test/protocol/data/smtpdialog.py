# SPDX-License-Identifier: BSD-3-Clause
#
# smtpdialog.py -- replay an SMTP dialogue the way a person at telnet does
# and print the transcript ("C: " lines sent, "S: " lines received).
#
#   python3 smtpdialog.py [--port P] [--bind ADDR] [--mask] [--timeout S]
#                         SCRIPT            (TCP to 127.0.0.1:P)
#   python3 smtpdialog.py --bs [--mask] SCRIPT -- CMD ARGS...
#                         (CMD speaks SMTP on its stdin/stdout, as -bs)
#
# SCRIPT: one line per line sent (CRLF added).  After each line the
# whole reply is read, except between a 354 reply and the line "." (the
# message).  Lines beginning with "@@" are directives, not sent:
#   @@repeat N TEXT   send TEXT N times (in a message)
#   @@close           drop the connection here (no QUIT)
#   @@sleep S         wait S seconds
#   @@raw TEXT        send TEXT with Python escapes (\r \n \x00) and no CRLF
#                     added; no reply is awaited
# The greeting is read first.  After a 221, or at the end of the script,
# the connection is closed.
#
# --mask replaces what differs from run to run in replies (never in lines
# sent) so that two transcripts compare:
#   an RFC 5322 date ("Sun, 22 Nov 2026 03:41:32 +0000", "... GMT")
#                                                         -> DATE
#   a sendmail queue id (8 characters of 0-9A-Za-x + 6 or 7 digits,
#   as a whole word)                                      -> QID
# Nothing else is masked: host names are pinned by the namespace.
import argparse
import re
import socket
import subprocess
import sys
import time

DATE = re.compile(r'(Mon|Tue|Wed|Thu|Fri|Sat|Sun), +\d{1,2} '
                  r'(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) '
                  r'\d{4} \d\d:\d\d:\d\d ([+-]\d{4}|[A-Z]{1,5})( \([A-Za-z]+\))?')
QID = re.compile(r'\b[0-9A-Za-x]{8}[0-9]{6,7}\b')


def mask(s):
    return QID.sub('QID', DATE.sub('DATE', s))


class Peer:
    def __init__(self, a):
        self.proc = None
        if a.bs:
            self.proc = subprocess.Popen(a.cmd, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE)
            self.rf, self.wf = self.proc.stdout, self.proc.stdin
        else:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            if a.bind:
                s.bind((a.bind, 0))
            s.settimeout(a.timeout)
            s.connect(('127.0.0.1', a.port))
            self.sock = s
            self.rf = s.makefile('rb')
            self.wf = s.makefile('wb')

    def send(self, data):
        try:
            self.wf.write(data)
            self.wf.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def close(self):
        try:
            self.wf.close()
        except OSError:
            pass
        if self.proc:
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        else:
            self.sock.close()


def reply(p, out, m):
    """Read one whole reply; print it; return its code ('' at EOF)."""
    code = ''
    while True:
        try:
            raw = p.rf.readline()
        except (socket.timeout, ConnectionResetError):
            raw = b''
        if not raw:
            out.append('S: <connection closed>')
            return code
        line = raw.decode('latin-1').rstrip('\r\n')
        out.append('S: ' + (mask(line) if m else line))
        code = line[:3]
        if line[3:4] != '-':
            return code


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--port', type=int)
    ap.add_argument('--bind')
    ap.add_argument('--bs', action='store_true')
    ap.add_argument('--mask', action='store_true')
    ap.add_argument('--timeout', type=float, default=120)
    ap.add_argument('script')
    ap.add_argument('cmd', nargs='*')
    a = ap.parse_args()
    with open(a.script, 'rb') as f:
        lines = f.read().decode('latin-1').split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    out = []
    p = Peer(a)
    code = reply(p, out, a.mask)
    indata = False
    for ln in lines:
        if code == '':
            break
        if ln.startswith('@@'):
            w = ln[2:].split(' ', 2)
            if w[0] == 'repeat':
                out.append('C: <%s lines: %s>' % (w[1], w[2]))
                p.send((w[2] + '\r\n').encode('latin-1') * int(w[1]))
            elif w[0] == 'close':
                out.append('C: <drops the connection>')
                break
            elif w[0] == 'sleep':
                time.sleep(float(w[1]))
            elif w[0] == 'raw':
                t = ln[6:]
                out.append('C: <raw> ' + t)
                p.send(t.encode('latin-1').decode('unicode_escape')
                       .encode('latin-1'))
            continue
        out.append('C: ' + ln)
        p.send((ln + '\r\n').encode('latin-1'))
        if indata:
            if ln == '.':
                indata = False
                code = reply(p, out, a.mask)
            continue
        code = reply(p, out, a.mask)
        if code == '354':
            indata = True
        elif code == '221':
            break
    p.close()
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
