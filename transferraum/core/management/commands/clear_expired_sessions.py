from importlib import import_module

from django.conf import settings

from transferraum.core.locks import ScheduledCommand


class Command(ScheduledCommand):
    help = (
        "Remove expired sessions (Django's clearsessions), so that sessions of visitors who "
        "never came back do not pile up (run once a day, e.g. by cron; on several servers only "
        "the first start of the day works)."
    )

    def run_scheduled(self) -> str:
        engine = import_module(settings.SESSION_ENGINE)
        engine.SessionStore.clear_expired()
        return "Expired sessions removed."
