"""Ctrl-C held back while pydantic validates, then raised as usual.

pydantic-core runs siap's validators and the ``pattern`` checks (Python's ``re``) from Rust. A
``KeyboardInterrupt`` raised inside one does not reach siap as such: building a validator it becomes a
``SchemaError`` (exit 70, "kesalahan internal"), and inside a pattern check it is dropped ("Exception
ignored") and the value fails the check, so a Ctrl-C printed errors about valid working papers. Held
back, the press costs at most the rest of one validation (well under a second), and the command then
stops with exit 130 as on any other Ctrl-C.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Run the block with Ctrl-C held back; a press during it raises ``KeyboardInterrupt`` at its end.

    Only in the main thread (the only one Python delivers signals to), and only while Python's own
    handler is in place: nested blocks and a program's own handler are left alone.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    pressed: list[int] = []

    def hold(signum: int, _frame: object) -> None:
        pressed.append(signum)

    signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if pressed:
            raise KeyboardInterrupt
