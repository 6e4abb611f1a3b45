#!/usr/bin/python3
"""A small org.freedesktop.Notifications server for Kindling's reminder tests.

It owns the name on the session bus it is started on, answers GetCapabilities
and GetServerInformation, and writes every Notify call as one JSON line to
--log. What it then does with a notification is read from --answer-file at
each Notify (so a test can change it between checks):

  close         closes it after a moment (NotificationClosed, "dismissed")
  action:ID     chooses the action ID, then closes it
  keep          leaves it open

--capabilities is a comma-separated list (default: actions,body). It writes
--ready once the name is owned. Needs Debian's python3-dbus and python3-gi.
"""

import argparse
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

INTERFACE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


def plain(value):
    """D-Bus values as JSON-able Python values."""
    if isinstance(value, (dbus.String, dbus.ObjectPath, dbus.Signature)):
        return str(value)
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (dbus.Byte, dbus.Int16, dbus.Int32, dbus.Int64,
                          dbus.UInt16, dbus.UInt32, dbus.UInt64)):
        return int(value)
    if isinstance(value, dbus.Double):
        return float(value)
    if isinstance(value, (dbus.Array, list)):
        return [plain(v) for v in value]
    if isinstance(value, (dbus.Dictionary, dict)):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, dbus.Struct):
        return [plain(v) for v in value]
    return str(value)


class FakeServer(dbus.service.Object):
    def __init__(self, bus, args):
        super().__init__(bus, PATH)
        self.args = args
        self.last_id = 0

    def answer(self):
        try:
            with open(self.args.answer_file, encoding="utf-8") as f:
                return f.read().strip() or "close"
        except OSError:
            return "close"

    @dbus.service.method(INTERFACE, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return [c for c in self.args.capabilities.split(",") if c]

    @dbus.service.method(INTERFACE, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("fake-notifications", "Kindling tests", "1.0", "1.2")

    @dbus.service.method(INTERFACE, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints,
               expire_timeout):
        self.last_id += 1
        notification = self.last_id
        record = {
            "id": notification,
            "app_name": plain(app_name),
            "replaces_id": int(replaces_id),
            "app_icon": plain(app_icon),
            "summary": plain(summary),
            "body": plain(body),
            "actions": plain(actions),
            "hints": plain(hints),
            "expire_timeout": int(expire_timeout),
        }
        with open(self.args.log, "a", encoding="utf-8") as log:
            log.write(json.dumps(record) + "\n")
        answer = self.answer()
        if answer.startswith("action:"):
            action = answer[len("action:"):]
            GLib.timeout_add(100, self.choose, notification, action)
        elif answer == "close":
            GLib.timeout_add(100, self.close, notification, 2)
        return dbus.UInt32(notification)

    @dbus.service.method(INTERFACE, in_signature="u", out_signature="")
    def CloseNotification(self, notification):
        self.NotificationClosed(notification, 3)

    @dbus.service.signal(INTERFACE, signature="uu")
    def NotificationClosed(self, notification, reason):
        pass

    @dbus.service.signal(INTERFACE, signature="us")
    def ActionInvoked(self, notification, action):
        pass

    def choose(self, notification, action):
        self.ActionInvoked(dbus.UInt32(notification), action)
        GLib.timeout_add(50, self.close, notification, 2)
        return False

    def close(self, notification, reason):
        self.NotificationClosed(dbus.UInt32(notification), dbus.UInt32(reason))
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", required=True)
    parser.add_argument("--ready", required=True)
    parser.add_argument("--answer-file", default="")
    parser.add_argument("--capabilities", default="actions,body")
    args = parser.parse_args()

    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(INTERFACE, bus, do_not_queue=True)
    server = FakeServer(bus, args)
    with open(args.ready, "w", encoding="utf-8") as ready:
        ready.write("ready\n")
    loop = GLib.MainLoop()
    try:
        loop.run()
    except KeyboardInterrupt:
        pass
    del server, name
    return 0


if __name__ == "__main__":
    sys.exit(main())
