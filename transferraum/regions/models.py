from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class District(models.Model):
    """A Landkreis or kreisfreie Stadt, keyed by its five-digit Kreisschlüssel."""

    key = models.CharField(_("district key"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=100)
    state = models.CharField(_("federal state"), max_length=100)
    nuts = models.CharField("NUTS", max_length=10, blank=True)
    lat = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    lon = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    population = models.PositiveIntegerField(_("population"))
    area_km2 = models.DecimalField(_("area in km²"), max_digits=9, decimal_places=2)
    boundary = models.JSONField(_("boundary (GeoJSON geometry)"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class MunicipalityQuerySet(models.QuerySet["Municipality"]):
    def in_programme(self, programme: Programme) -> MunicipalityQuerySet:
        return self.filter(district__in=programme.districts.all())


class Municipality(models.Model):
    """A Gemeinde, keyed by its eight-digit Amtlicher Gemeindeschlüssel (AGS)."""

    ags = models.CharField(_("municipality key (AGS)"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=200)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    lat = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    lon = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    population = models.PositiveIntegerField(_("population"))
    area_km2 = models.DecimalField(_("area in km²"), max_digits=9, decimal_places=2)
    boundary = models.JSONField(_("boundary (GeoJSON geometry)"), null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    """A transfer programme: its partner towns inside an initiative that spans districts."""

    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    initiative = models.CharField(_("initiative"), max_length=300, blank=True)
    university = models.CharField(_("university"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    districts = models.ManyToManyField(
        District, verbose_name=_("districts of the initiative"), related_name="programmes"
    )
    partner_towns = models.ManyToManyField(
        Municipality, verbose_name=_("partner towns"), related_name="programmes"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("regions:region")
