from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """One row: the generation of what every page shows (core.caching.sitecache).

    Every process reads it once per request and keeps its own copy of what every page
    shows under it; a change to the content stores a new random value in the same
    transaction, so every process, on every server, computes afresh after the commit."""

    value = models.BigIntegerField(_("generation"))

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self):
        return str(self.value)
