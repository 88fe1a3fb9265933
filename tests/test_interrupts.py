"""Ctrl-C while pydantic validates: the validation is never cut in the middle, and the command stops after it.

Raised inside pydantic-core, a KeyboardInterrupt became a SchemaError (exit 70, "kesalahan internal") or
was dropped and made a valid code fail its pattern ("15 kesalahan" about valid working papers); seen by
pressing Ctrl-C during the check of a cold build (tests/pictures/test_gambar_berhenti.py, 3 of 80 runs).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator

import pytest
from pydantic import BaseModel, field_validator

from assembler import interrupts
from assembler.errors import Problem
from assembler.loading import load_yaml_text
from assembler.pydantic_problems import validate_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="os.kill(SIGINT) ends a Windows process at once")

SEEN: list[str] = []


@pytest.fixture(autouse=True)
def _ctrl_c_as_at_a_terminal() -> Iterator[None]:
    """A suite started in the background by a shell (CI's second run) has Ctrl-C ignored, and ``deferred``
    rightly leaves an ignored Ctrl-C alone; these tests are about Python's own handler."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


class _Pressed(BaseModel):
    """Ctrl-C arrives while the first field is validated; the second must still be checked."""

    pertama: str
    kedua: str

    @field_validator("pertama")
    @classmethod
    def _press(cls, value: str) -> str:
        SEEN.append("pertama")
        os.kill(os.getpid(), signal.SIGINT)
        return value

    @field_validator("kedua")
    @classmethod
    def _after(cls, value: str) -> str:
        SEEN.append("kedua")
        return value


def test_ctrl_c_inside_a_validation_stops_after_it_not_in_it() -> None:
    SEEN.clear()
    loaded = load_yaml_text("pertama: a\nkedua: b\n", "uji.yaml")
    problems: list[Problem] = []
    with pytest.raises(KeyboardInterrupt):
        validate_file(loaded, _Pressed, problems)
    assert SEEN == ["pertama", "kedua"]
    assert problems == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_without_ctrl_c_nothing_changes() -> None:
    with interrupts.deferred():
        value = sum(range(10))
    assert value == 45
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_error_of_the_block_passes_through_and_the_handler_is_restored() -> None:
    with pytest.raises(ValueError, match="salah"), interrupts.deferred():
        raise ValueError("salah")
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_wins_over_an_error_it_caused() -> None:
    """A press during the block means the user wants to stop: that, not the block's error, is what ends it."""
    with pytest.raises(KeyboardInterrupt), interrupts.deferred():
        os.kill(os.getpid(), signal.SIGINT)
        raise ValueError("akibat")


def test_a_nested_block_leaves_the_outer_one_in_charge() -> None:
    with pytest.raises(KeyboardInterrupt), interrupts.deferred():
        with interrupts.deferred():
            os.kill(os.getpid(), signal.SIGINT)
        SEEN.append("sesudah blok dalam")  # still running: only the outer block ends with the interrupt
    assert SEEN[-1] == "sesudah blok dalam"


def test_an_ignored_ctrl_c_stays_ignored() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with interrupts.deferred():
        os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_outside_the_main_thread_it_is_a_plain_block() -> None:
    outcome: list[object] = []

    def run() -> None:
        with interrupts.deferred():
            outcome.append(signal.getsignal(signal.SIGINT))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert outcome == [signal.default_int_handler]
