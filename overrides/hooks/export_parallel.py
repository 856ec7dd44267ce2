"""Export work in a forked process, so that a build machine's second core shares it.

A forked child starts with a copy of the parent's memory, so it can write the pages of a document
the parent has already laid out (WeasyPrint's documents cannot be sent to another process). The
child sends back what its work returned; an error in it comes back as an ExportError that names
the work. Where a platform cannot fork, the work runs in the parent, in the same order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from export_pages import ExportError

_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


@dataclass
class Job:
    name: str
    process: Any = None  # multiprocessing.Process, or None when the work ran in the parent
    receiver: Any = None  # the parent's end of the pipe
    value: Any = None  # the result, when the work ran in the parent


def start(name: str, work: Callable[[], Any]) -> Job:
    """Begin `work` in a forked child; `finish` waits for its result."""
    if not _CAN_FORK:
        return Job(name, value=_outcome(work))
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def run() -> None:
        sender.send(_outcome(work))
        sender.close()

    process = context.Process(target=run, name=f"export: {name}", daemon=True)
    process.start()
    sender.close()
    return Job(name, process, receiver)


def finish(job: Job) -> Any:
    """The work's result; an ExportError when it failed or its process died."""
    if job.process is None:
        outcome = job.value
    else:
        try:
            outcome = job.receiver.recv()
        except EOFError:
            outcome = None
        job.receiver.close()
        job.process.join()
        if outcome is None:
            outcome = ("error", f"its process stopped without a result (exit code {job.process.exitcode})")
    status, value = outcome
    if status == "error":
        raise ExportError(f"{job.name}: {value}")
    return value


def _outcome(work: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", work()
    except ExportError as error:
        return "error", str(error)
    except Exception as error:  # sent back to the parent, which reports it as an ExportError
        return "error", f"{type(error).__name__}: {error}"
