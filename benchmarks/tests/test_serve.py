import os

from benchmarks.serve import children, parse_ppid, parse_rss_kb, worker_rss


def test_the_parent_is_read_after_the_command_in_brackets():
    assert parse_ppid("4578 (gunicorn: worker [config.wsgi]) S 4577 4577 2536 0") == 4577


def test_the_resident_size_is_read_from_the_status_file():
    status = "Name:\tgunicorn\nVmPeak:\t  300000 kB\nVmRSS:\t  123456 kB\nThreads:\t1\n"
    assert parse_rss_kb(status) == 123456
    assert parse_rss_kb("Name:\tkthreadd\n") == 0


def test_children_and_their_memory_come_from_proc():
    assert os.getpid() in children(os.getppid())
    assert all(size > 0 for size in worker_rss(os.getppid()))
