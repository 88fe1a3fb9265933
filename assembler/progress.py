"""One progress line on stderr during a long build: what is happening, document n of N.

A build of the full package takes seconds, a print run much longer; without a sign of life a user
on a terminal presses Ctrl+C. The line appears only on a terminal, only once a build has run for
about a second (a quick build prints nothing extra), is rewritten in place, and is erased at the end,
so the normal output is unchanged. ``--quiet`` or output to a file or pipe keeps it silent.
"""

from __future__ import annotations

import time
from typing import Any, TextIO

from assembler.messages import format_message, register

register(
    {
        "progress.check": ("memeriksa ruang kerja", "checking the workspace"),
        "progress.gambar": ("menggambar {n} dari {total} gambar", "drawing picture {n} of {total}"),
        "progress.naskah": ("menyusun naskah {n} dari {total}: {id}", "composing document {n} of {total}: {id}"),
        "progress.paket": ("menulis paket", "writing the package"),
        "progress.pdf": (
            "mencetak {total} naskah ke PDF dengan LibreOffice (dapat memakan waktu lebih dari semenit)",
            "printing {total} documents to PDF with LibreOffice (this can take over a minute)",
        ),
    }
)

#: Nothing is shown before a build has run this long: a short build stays as quiet as before.
DELAY_S = 1.0


class Progress:
    """Rewrites one stderr line; silent unless ``enabled`` (a terminal, and no ``--quiet``)."""

    def __init__(self, stream: TextIO, lang: str, *, enabled: bool) -> None:
        self.stream = stream
        self.lang = lang
        self.enabled = enabled
        self.started = time.monotonic()
        self.width = 0
        self.pending = ""

    @classmethod
    def for_terminal(cls, stream: TextIO, lang: str, *, quiet: bool) -> Progress:
        """Enabled only when ``stream`` is an interactive terminal and the user did not ask for quiet."""
        isatty = getattr(stream, "isatty", None)
        return cls(stream, lang, enabled=not quiet and bool(isatty and isatty()))

    def __call__(self, code: str, params: dict[str, Any] | None = None) -> None:
        """Show the step ``code`` (a message of this module) now, or as soon as a second has passed."""
        if not self.enabled:
            return
        self.pending = format_message(code, params or {}, self.lang)
        if time.monotonic() - self.started >= DELAY_S:
            self._show(self.pending)

    def _show(self, text: str) -> None:
        columns = 79
        line = text if len(text) <= columns else text[: columns - 1] + "…"
        self.stream.write("\r" + line + " " * max(0, self.width - len(line)))
        self.stream.flush()
        self.width = len(line)

    def done(self) -> None:
        """Erase the line, so the build's own output starts at the left margin as before."""
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def silent(code: str, params: dict[str, Any] | None = None) -> None:
    """The reporter of a build nobody watches (the library default)."""
