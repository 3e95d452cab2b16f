# SPDX-License-Identifier: BSD-3-Clause
#
# clients.py -- the messages of test/protocol/clients.sh and what is read
# back from a mailbox that holds exactly one message.
#
#   clients.py make DIR            write DIR/NAME.msg (what a client sends,
#                                  LF line ends) and DIR/NAME.body (the body
#                                  the mailbox must hold, byte for byte) for
#                                  every message below
#   clients.py smtplib PORT MSG FROM TO   send MSG with python3's smtplib
#                                  (EHLO client.example.net, BODY=8BITMIME)
#   clients.py body MBOX           print the body of the one message in MBOX:
#                                  after the first empty line, without the
#                                  empty line that closes the message
#   clients.py fields MBOX         the header field names in order, then the
#                                  Received field with dates and queue ids
#                                  masked as smtpdialog.py masks them
#   clients.py count MBOX          the number of messages in an mbox (a
#                                  "From " line at the start or after an
#                                  empty line)
import os
import re
import smtplib
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smtpdialog import mask  # noqa: E402

# The body the mailbox holds is the body sent, with a final newline added
# when the client sent none (SMTP has no way to say "no final newline";
# "sendmail -t" adds it as sendmail 8.17 does).
MSGS = {
    # python3 smtplib: dots to stuff, a lone dot, 8-bit, a "From " line,
    # no Date or Message-Id (the host adds them), no final newline
    'smtplib': (b'From: Alice Example <alice@mta.example.org>\n'
                b'To: riley@mta.example.org\n'
                b'Subject: smtplib: dots, 8-bit, no final newline\n'
                b'\n'
                b'.a line that starts with a dot\n'
                b'..two dots\n'
                b'.\n'
                b' .\n'
                b'From the mbox point of view this line matters\n'
                b'>From an already quoted one\n'
                b'Caf\xc3\xa9 cr\xe8me br\xfbl\xe9e: 8-bit bytes \xff\xfe\x80\n'
                b'\ttab, trailing spaces   \n'
                b'\n'
                b'last line without a newline'),
    # "sendmail -t -oi" as MUAs call it: To, Cc, Bcc; -oi keeps a lone
    # dot; no Date/Message-Id; no final newline
    'tflag': (b'From: Carol Example <carol@mta.example.org>\n'
              b'To: dave@mta.example.org\n'
              b'Cc: erin@mta.example.org\n'
              b'Bcc: frank@mta.example.org\n'
              b'Subject: -t with Bcc\n'
              b'\n'
              b'. a dot line stays as it is (-oi)\n'
              b'.\n'
              b'this line follows a lone dot\n'
              b'From here on: 8-bit \xe9\xe8\n'
              b'no final newline'),
}


def big():
    """About 10 MB: lines of every length up to 998, dots, 8-bit."""
    out = [b'From: Alice Example <alice@mta.example.org>\n'
           b'To: bob@mta.example.org\n'
           b'Subject: ten megabytes\n\n']
    size, i = 0, 0
    while size < 10 * 1024 * 1024:
        n = (i * 7919) % 999
        lead = b'.' if i % 13 == 0 else b''
        ch = bytes([0x21 + i % 94]) if i % 17 else b'\xe9'
        line = (lead + ch * n)[:998] + b'\n'
        out.append(line)
        size += len(line)
        i += 1
    # no final newline: swaks adds a CRLF before its "." whatever the
    # data ends with (an empty line would follow a final newline)
    return b''.join(out)[:-1]


def make(d):
    msgs = dict(MSGS)
    msgs['big'] = big()
    for name, m in msgs.items():
        with open(os.path.join(d, name + '.msg'), 'wb') as f:
            f.write(m)
        body = m.split(b'\n\n', 1)[1]
        if not body.endswith(b'\n'):
            body += b'\n'
        with open(os.path.join(d, name + '.body'), 'wb') as f:
            f.write(body)


def send(port, path, frm, to):
    with open(path, 'rb') as f:
        m = f.read()
    # smtplib stuffs the dots but sends bytes as they are: CRLF here
    m = m.replace(b'\n', b'\r\n')
    s = smtplib.SMTP('127.0.0.1', int(port), local_hostname='client.example.net',
                     timeout=300)
    s.sendmail(frm, [to], m, mail_options=['BODY=8BITMIME'])
    s.quit()


def one(path):
    with open(path, 'rb') as f:
        m = f.read()
    first, rest = m.split(b'\n', 1)
    if not first.startswith(b'From '):
        sys.exit('%s: no From_ line' % path)
    return rest


def body(path):
    b = one(path).split(b'\n\n', 1)[1]
    if b.endswith(b'\n\n'):
        b = b[:-1]
    sys.stdout.buffer.write(b)


def fields(path):
    h = one(path).split(b'\n\n', 1)[0].decode('latin-1').split('\n')
    names, rcvd, cur = [], [], None
    for ln in h:
        if ln[:1] in (' ', '\t'):
            if cur == 'received':
                rcvd.append(ln)
            continue
        names.append(ln.split(':', 1)[0])
        cur = names[-1].lower()
        if cur == 'received' and not rcvd:
            rcvd.append(ln)
        elif cur == 'received':
            cur = None
    print('fields: ' + ' '.join(names))
    for ln in rcvd:
        print(mask(ln))


def count(path):
    if not os.path.exists(path):
        print(0)
        return
    with open(path, 'rb') as f:
        m = f.read()
    n = len(re.findall(rb'(?:^|\n\n)From ', m))
    print(n)


if __name__ == '__main__':
    a = sys.argv[1:]
    {'make': lambda: make(a[1]), 'smtplib': lambda: send(*a[1:5]),
     'body': lambda: body(a[1]), 'fields': lambda: fields(a[1]),
     'count': lambda: count(a[1])}[a[0]]()
