"""Settings of the task workers in the worker-kill test (tests/deploy/test_worker_kill.py): the
test settings with the database queue instead of running tasks at once; the database, the
heartbeat interval and the allocation's test delay come from the environment."""

from config.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
