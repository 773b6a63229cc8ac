from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestRun(models.Model):
    """When a digest was last sent, so that the next one starts where it ended."""

    kind = models.CharField(_("kind"), max_length=50)
    covered_until = models.DateTimeField(_("covers events until"))
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-covered_until"]
        get_latest_by = "covered_until"
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")

    def __str__(self) -> str:
        return f"{self.kind} {self.covered_until:%Y-%m-%d %H:%M}"
