from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllocationConfig(AppConfig):
    name = "transferraum.allocation"
    label = "allocation"
    verbose_name = _("Allocation")
