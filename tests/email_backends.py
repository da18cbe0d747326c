"""An e-mail backend that fails while FlakyBackend.failures_left > 0, then delivers to locmem."""

from smtplib import SMTPServerDisconnected

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    failures_left = 0

    def send_messages(self, messages):
        if FlakyBackend.failures_left > 0:
            FlakyBackend.failures_left -= 1
            raise SMTPServerDisconnected("mail server unavailable")
        return super().send_messages(messages)
