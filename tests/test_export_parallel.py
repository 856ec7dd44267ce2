"""The exports' second process (overrides/hooks/export_parallel.py): its result comes back, and its
failure comes back as one clear line that names the work, never as a traceback or a silent gap."""

from __future__ import annotations

import os
import signal

import pytest
from export_pages import ExportError
from export_parallel import finish, start


def test_the_work_of_the_second_process_comes_back():
    job = start("practice sheets", lambda: {"pages": 12, "parent": os.getpid()})
    result = finish(job)
    assert result["pages"] == 12
    assert job.process is not None and job.process.pid != os.getpid(), "the work did not run in a process of its own"


def test_an_error_in_the_second_process_names_the_work_and_the_error():
    def broken():
        raise ExportError("page 'tips/x.md' has no answer block")

    with pytest.raises(ExportError, match=r"^practice sheets: page 'tips/x.md' has no answer block$"):
        finish(start("practice sheets", broken))

    with pytest.raises(ExportError, match=r"^mlops-interview-guide\.pdf: ZeroDivisionError: division by zero$"):
        finish(start("mlops-interview-guide.pdf", lambda: 1 / 0))


def test_a_second_process_that_dies_is_reported_with_its_exit_code():
    with pytest.raises(ExportError, match=r"^mlops-interview-guide\.pdf: its process stopped without a result \(exit code -9\)$"):
        finish(start("mlops-interview-guide.pdf", lambda: os.kill(os.getpid(), signal.SIGKILL)))
