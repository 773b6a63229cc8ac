from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ProfileForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, error_messages={"required": _("Please enter your name.")}
    )
    language = forms.ChoiceField(
        label=_("Language of the interface and e-mails"), choices=settings.LANGUAGES
    )
