"""E-mail backends for tests: FlakyBackend fails while ``failures_left`` > 0, then delivers to
locmem; DyingBackend delivers ``deliveries_left`` messages and then "kills the worker"."""

from smtplib import SMTPServerDisconnected

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    failures_left = 0

    def send_messages(self, messages):
        if FlakyBackend.failures_left > 0:
            FlakyBackend.failures_left -= 1
            raise SMTPServerDisconnected("mail server unavailable")
        return super().send_messages(messages)


class WorkerKilled(BaseException):
    """Like a kill -9: not an error the code under test may catch."""


class DyingBackend(EmailBackend):
    """Delivers to locmem; after ``deliveries_left`` messages the worker dies, right after
    the server accepted the last one (before it could be recorded as sent)."""

    deliveries_left = 0

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        DyingBackend.deliveries_left -= sent
        if DyingBackend.deliveries_left <= 0:
            raise WorkerKilled
        return sent
