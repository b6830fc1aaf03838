#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd), on 127.0.0.1.

smtp_sink.py MODE DIR

MODE accept: every message is written to DIR as NNN.eml and answered 250.
MODE refuse: every recipient is refused with 550.
MODE drop:   the connection is closed when the message data arrives.
Prints the port it listens on, then serves until stdin closes.
"""
import os
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, mode, folder):
        self.mode = mode
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode == 'refuse':
            return '550 5.1.1 Mailbox unavailable'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        if self.mode == 'drop':
            server.transport.close()
            return '421 closing'
        self.count += 1
        path = os.path.join(self.folder, '%03d.eml' % self.count)
        with open(path, 'wb') as f:
            f.write(('X-Envelope-To: %s\r\n' % ','.join(envelope.rcpt_tos)).encode())
            f.write(envelope.original_content or envelope.content)
        return '250 Message accepted'


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    port = free_port()
    controller = Controller(Sink(mode, folder), hostname='127.0.0.1', port=port)
    controller.start()
    print(port, flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == '__main__':
    main()
