"""Shared plumbing of the generated pictures: fonts, print sizes, deterministic PNG output, Graphviz.

Every picture is drawn for a known print size, so a font size written here is the size on paper:
matplotlib figures are created at their print width, Graphviz graphs are laid out in points and
scaled down only when the page forces it (:func:`gambar` computes the width that keeps them on one page).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from pydantic import BaseModel

from assembler.cache_files import cache_dir as cache_dir
from assembler.errors import ExitCode, Problem, SiapError
from assembler.messages import register
from assembler.pictures.ahead import AHEAD as _AHEAD
from assembler.pictures.ahead import DOT_AHEAD as _DOT_AHEAD
from assembler.pictures.ahead import GRAPHVIZ as GRAPHVIZ
from assembler.pictures.ahead import NotGraphvizError as _NotGraphvizError
from assembler.pictures.ahead import finish_dot as _finish_dot
from assembler.pictures.ahead import graphviz as graphviz
from assembler.pictures.ahead import lay_out_ahead as lay_out_ahead
from assembler.pictures.ahead import start_dot as _start_dot
from assembler.pictures.ahead import stop_dots_ahead as stop_dots_ahead
from assembler.pictures.cache_entry import cache_path as _cache_path
from assembler.pictures.cache_entry import on_disk as _on_disk
from assembler.pictures.cache_entry import pack as _pack
from assembler.pictures.cache_entry import read_disk as _read_disk
from assembler.pictures.cache_entry import unpack as _unpack
from assembler.pictures.ukur import DPI as DPI
from assembler.pictures.ukur import FONT as FONT
from assembler.pictures.ukur import GLYPH_HILANG as GLYPH_HILANG
from assembler.pictures.ukur import MM_PER_INCH as MM_PER_INCH
from assembler.pictures.ukur import lebar_teks_mm as lebar_teks_mm
from assembler.pictures.ukur import wrap_mm as wrap_mm
from assembler.render import Gambar

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

register(
    {
        "gambar.graphviz_tidak_ada": (
            "program 'dot' dari Graphviz tidak ditemukan; gambar '{gambar}' tidak dapat dibuat. "
            "Pasang Graphviz (Debian/Ubuntu: 'apt-get install graphviz'; Windows/macOS: "
            "https://graphviz.org/download/) lalu ulangi",
            "the Graphviz program 'dot' was not found; picture '{gambar}' cannot be made. "
            "Install Graphviz (Debian/Ubuntu: 'apt-get install graphviz'; Windows/macOS: "
            "https://graphviz.org/download/) and retry",
        ),
        "gambar.graphviz_diganti": (
            "program 'dot' dari Graphviz tidak ditemukan; {jumlah} gambar ({gambar}) diganti pemberitahuan di "
            "naskah. Pasang Graphviz (Debian/Ubuntu: 'apt-get install graphviz'; Windows/macOS: "
            "https://graphviz.org/download/) lalu susun ulang",
            "the Graphviz program 'dot' was not found; {jumlah} picture(s) ({gambar}) were replaced by a notice "
            "in the documents. Install Graphviz (Debian/Ubuntu: 'apt-get install graphviz'; Windows/macOS: "
            "https://graphviz.org/download/) and build again",
        ),
        "gambar.graphviz_gagal": (
            "Graphviz gagal membuat gambar '{gambar}': {detail}",
            "Graphviz failed to draw picture '{gambar}': {detail}",
        ),
    }
)

FONT_BOLD = "DejaVu Sans Bold"
#: Usable width and height of a portrait F4 page (215 x 330 mm) inside the templates' margins,
#: leaving room for the caption under the picture.
LEBAR_MAKS_MM = 160.0
TINGGI_MAKS_MM = 235.0
MM_PER_PT = MM_PER_INCH / 72
#: Seconds for one Graphviz layout; a chart of a few hundred boxes takes well under one.
GRAPHVIZ_TIMEOUT = 120


class GambarError(SiapError):
    """A picture could not be drawn (the documents that need it cannot be built)."""

    exit_code = ExitCode.INVALID


class GraphvizTidakAdaError(GambarError):
    """Graphviz's ``dot`` is not installed; raised instead of the library's bare ExecutableNotFound."""


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters; long words (codes, URLs) are broken rather than overflow."""
    text = " ".join(text.split())
    if not text:
        return [""]
    return textwrap.wrap(text, width=max(width, 4), break_long_words=True, break_on_hyphens=True)


def angka(value: float | Decimal) -> str:
    """A number the Indonesian way (``38,6``), via :mod:`assembler.idfmt`."""
    from assembler import idfmt

    return idfmt.angka(Decimal(str(value)) if isinstance(value, float) else value)


def ukuran_png(png: bytes) -> tuple[int, int]:
    """Width and height in pixels from the PNG header (IHDR is always the first chunk)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("bukan berkas PNG")
    lebar, tinggi = struct.unpack(">II", png[16:24])
    return int(lebar), int(tinggi)


def ukuran_alami_mm(png: bytes) -> tuple[float, float]:
    """The size at which the PNG prints with its fonts at their nominal point size."""
    lebar, tinggi = ukuran_png(png)
    return lebar / DPI * MM_PER_INCH, tinggi / DPI * MM_PER_INCH


def lebar_cetak_mm(
    png: bytes, lebar_maks: float = LEBAR_MAKS_MM, tinggi_maks: float = TINGGI_MAKS_MM
) -> float:
    """Print width: the natural size, shrunk only as far as the page needs (never enlarged)."""
    lebar, tinggi = ukuran_alami_mm(png)
    hasil = min(lebar, lebar_maks, tinggi_maks * lebar / tinggi)
    return round(hasil, 1)


def gambar(png: bytes, keterangan: str, lebar_maks: float = LEBAR_MAKS_MM) -> Gambar:
    """Wrap a PNG for a document, at the width :func:`lebar_cetak_mm` chooses."""
    return Gambar(png=png, lebar_mm=lebar_cetak_mm(png, lebar_maks), keterangan=keterangan)


def keterangan(nomor: str | None, judul: str) -> str:
    """Caption text, e.g. ``Gambar 7.1 Bagan Bawang Kegiatan`` (the number is the document's business)."""
    return f"Gambar {nomor} {judul}" if nomor else f"Gambar {judul}"


# --- matplotlib -------------------------------------------------------------------------------------


@contextmanager
def gaya_matplotlib() -> Iterator[None]:
    """Fonts and line widths set explicitly, so a user's matplotlibrc cannot change the output."""
    import matplotlib

    with matplotlib.rc_context(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [FONT],
            "font.size": 9,
            "axes.linewidth": 0.6,
            "hatch.linewidth": 0.6,
            "svg.hashsalt": "siap",
            "path.simplify": False,
            "text.usetex": False,
            # User text is data: "Rp$5 … $x^$" must print as typed, never be parsed as mathtext.
            "text.parse_math": False,
            "axes.unicode_minus": True,
        }
    ), warnings.catch_warnings():
        # A character the font lacks prints as an empty box; the user's YAML is not wrong for it, and a
        # Python warning on the console would only alarm the secretariat.
        warnings.filterwarnings("ignore", message=GLYPH_HILANG, category=UserWarning)
        yield


def figur(lebar_mm: float, tinggi_mm: float) -> Figure:
    """A figure at its print size, detached from pyplot (no global state, no GUI backend)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if _AHEAD:
        raise _NotGraphvizError  # laying out Graphviz pictures ahead: a matplotlib picture is drawn when its turn comes
    fig = Figure(figsize=(lebar_mm / MM_PER_INCH, tinggi_mm / MM_PER_INCH), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def png_matplotlib(fig: Figure) -> bytes:
    """PNG bytes with no software/version metadata, so equal input gives byte-identical output."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
    return buf.getvalue()


# --- Graphviz ---------------------------------------------------------------------------------------


def html(text: str) -> str:
    """Escape user text for a Graphviz HTML-like label (XML: control characters cannot appear at all)."""
    from assembler.render import clean_text

    text = clean_text(text)
    if not text.strip():
        return "&#160;"  # Graphviz rejects an empty element such as <B></B>
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    # Graphviz's HTML lexer fails on an element whose whole text is "]" (found by the hostile-input
    # test); as a character reference it is drawn the same.
    return text.replace("]", "&#93;")


def html_lines(lines: list[str]) -> str:
    return "<BR/>".join(html(line) for line in lines)


#: Platform defaults on macOS; ``SIAP_DOT`` overrides them (README, "Lokasi dan pengaturan").
HOMEBREW_DOT = ("/opt/homebrew/bin/dot", "/usr/local/bin/dot")


def dot_candidates(env: Mapping[str, str], platform: str) -> list[Path]:
    """Usual install folders of Graphviz's ``dot`` when it is not on PATH (the installers may not add it)."""
    if platform == "win32":
        roots = [env.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        return [Path(root) / "Graphviz" / "bin" / "dot.exe" for root in dict.fromkeys(filter(None, roots))]
    if platform == "darwin":  # Homebrew on Apple silicon and on Intel; a GUI or pipx PATH may lack them
        return [Path(HOMEBREW_DOT[0]), Path(HOMEBREW_DOT[1])]
    return []


def find_dot(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """``SIAP_DOT``, else ``dot`` on PATH, else the usual install folder; None when Graphviz is absent."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    configured = env.get("SIAP_DOT")
    if configured:
        return shutil.which(configured, path=env.get("PATH")) or (configured if Path(configured).is_file() else None)
    found = shutil.which("dot", path=env.get("PATH"))
    if found:
        return found
    return next((str(p) for p in dot_candidates(env, platform) if p.is_file()), None)


def png_graphviz(sumber: str, nama_gambar: str) -> bytes:
    """Lay out ``sumber`` with the ``dot`` engine (deterministic: no random start) into a PNG.

    Graphviz's cairo PNG writer adds no timestamp or version chunk, so the bytes depend only on
    the DOT text, Graphviz and the installed fonts. ``dot`` is run directly (as the graphviz package
    would: ``dot -Kdot -Tpng:cairo``) so that an install folder off PATH can be used.
    """
    dot = find_dot()
    if dot is None:
        raise GraphvizTidakAdaError(Problem("gambar.graphviz_tidak_ada", {"gambar": nama_gambar}))
    if _AHEAD:
        _DOT_AHEAD[sumber] = _start_dot(dot, sumber)
        return _PLACEHOLDER
    try:
        if sumber in _DOT_AHEAD:  # started ahead by the early worker, same command and input
            done = _finish_dot(*_DOT_AHEAD.pop(sumber), timeout=GRAPHVIZ_TIMEOUT)
        else:
            done = subprocess.run(
                [dot, "-Kdot", "-Tpng:cairo"],
                input=sumber.encode("utf-8"),
                capture_output=True,
                check=False,
                timeout=GRAPHVIZ_TIMEOUT,
            )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GambarError(Problem("gambar.graphviz_gagal", {"gambar": nama_gambar, "detail": str(exc)})) from exc
    if done.returncode != 0 or not done.stdout.startswith(b"\x89PNG"):
        detail = _stderr(done) if done.stderr else f"exit {done.returncode}"
        raise GambarError(Problem("gambar.graphviz_gagal", {"gambar": nama_gambar, "detail": detail}))
    return done.stdout


#: Pictures replaced by a notice because ``dot`` is missing, since the build last asked (see :func:`diganti`).
_DIGANTI: list[str] = []
#: The caption's addition that tells the reader why the picture is a notice.
CATATAN_PENGGANTI = "belum digambar karena Graphviz tidak terpasang"


def pengganti_graphviz(judul: str, lebar_mm: float = LEBAR_MAKS_MM) -> Gambar:
    """A framed notice in place of a Graphviz picture when ``dot`` is missing; the build warns once.

    Drawn with matplotlib, so it never needs Graphviz; never cached, so installing Graphviz and
    building again gives the real picture.
    """
    from matplotlib.patches import Rectangle

    if judul not in _DIGANTI:
        _DIGANTI.append(judul)
    teks = [
        *wrap_mm(f"Gambar “{judul}” belum dapat dibuat:", lebar_mm - 12, 9),
        "program Graphviz (dot) tidak terpasang di komputer yang menyusun naskah ini.",
        "Pasang Graphviz, lalu susun ulang naskah dengan siap build.",
    ]
    tinggi_mm = 12.0 + 5.5 * len(teks)
    with gaya_matplotlib():
        fig = figur(lebar_mm, tinggi_mm)
        ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_axis_off()
        frame = Rectangle((0.01, 0.04), 0.98, 0.92, fill=False, linewidth=1.0, linestyle=(0, (4, 3)))
        ax.add_patch(frame)
        ax.text(0.5, 0.5, "\n".join(teks), ha="center", va="center", fontsize=9, linespacing=1.5)
        png = png_matplotlib(fig)
    return Gambar(png=png, lebar_mm=lebar_cetak_mm(png, lebar_mm), keterangan="")


def diganti() -> list[str]:
    """Names of the pictures replaced by a notice since the last call (the build turns them into one warning)."""
    names = list(_DIGANTI)
    _DIGANTI.clear()
    return names


def _stderr(exc: Any) -> str:
    raw = getattr(exc, "stderr", b"") or b""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return " ".join(text.split())[:300] or str(exc)


def atribut_graf(**extra: str) -> str:
    """Graph, node and edge defaults shared by every DOT picture."""
    graph = {"dpi": str(DPI), "fontname": FONT, "fontsize": "10", "bgcolor": "white", "pad": "0.15", **extra}
    items = " ".join(f'{k}="{v}"' for k, v in graph.items())
    return (
        f"  graph [{items}];\n"
        f'  node [fontname="{FONT}" fontsize="9" shape="box" margin="0.08,0.05"];\n'
        f'  edge [fontname="{FONT}" fontsize="8" arrowsize="0.7" penwidth="0.9"];\n'
    )


P = ParamSpec("P")
R = TypeVar("R")
_MEMO: dict[tuple[str, tuple[str, ...]], Any] = {}


def sekali(func: Callable[P, R]) -> Callable[P, R]:
    """Draw a picture once for the same models: in this process, and across builds via a disk cache.

    The key is the models' JSON, so an edited input always draws again; a picture is a pure function
    of its models and of the drawing code, which is what makes caching safe. The disk cache (see
    :func:`cache_dir`) lets a rebuild after an unrelated edit skip the ~1 s of drawing.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if _AHEAD:  # only laying out ahead: no placeholder may be remembered
            return func(*args, **kwargs)
        key = _key(func, args, kwargs)
        if _PLAN is not None and key not in _MEMO:
            cached = _read_disk(key)
            if cached is None:
                return _planned(key, wrapper, args, kwargs, func)  # type: ignore[no-any-return]
            _MEMO[key] = cached
        if key not in _MEMO:
            if len(_MEMO) > 64:
                _MEMO.clear()
            _MEMO[key] = _from_disk(key, lambda: func(*args, **kwargs))
        result: R = _MEMO[key]
        return result

    return wrapper


def _key(func: Callable[..., Any], args: Sequence[Any], kwargs: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    parts = [a.model_dump_json() if isinstance(a, BaseModel) else repr(a) for a in args]
    parts += [f"{k}={v.model_dump_json() if isinstance(v, BaseModel) else repr(v)}" for k, v in kwargs.items()]
    return func.__qualname__, tuple(parts)


# --- drawing ahead, in parallel -----------------------------------------------------------------------

#: While :func:`draw_ahead` plans, the pictures asked for (key → how to draw them); else ``None``.
_PLAN: dict[tuple[str, tuple[str, ...]], tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] | None = None
#: A 1x1 white PNG: what a picture is during planning (only its header is ever read).
_PLACEHOLDER = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082"
)


#: Placeholders handed out since the process started (see :func:`final_or_none`).
_GIVEN = [0]
#: While planning: the pictures each :func:`final_or_none` call stood a placeholder in for, by call.
_ASKED: list[list[tuple[str, tuple[str, ...]]]] = []


def _planned(key: Any, wrapper: Callable[..., Any], args: Any, kwargs: Any, func: Callable[..., Any]) -> Any:
    """Note a picture for :func:`draw_ahead` and stand in for it with a placeholder of the right shape."""
    assert _PLAN is not None
    _GIVEN[0] += 1
    if key not in _PLAN:
        _PLAN[key] = (wrapper, args, kwargs)
    if _ASKED:
        _ASKED[-1].append(key)
    returns = str(getattr(func, "__annotations__", {}).get("return", "bytes"))
    return [_PLACEHOLDER] if returns.startswith("list") else _PLACEHOLDER


def final_or_none(call: Callable[[], R]) -> R | None:
    """Inside :func:`draw_ahead`'s ``plan``: what ``call`` returns if it got every picture it asked for
    drawn (remembered or from the disk cache), so it is final; None if a placeholder stood in for
    one, or if it failed (the real pass then makes it again, and reports the error).

    The calls are counted: :class:`Later`'s ``after`` names one by its position (0 = the first).
    """
    before = _GIVEN[0]
    if _PLAN is not None:
        _ASKED.append([])
    try:
        result = call()
    except Exception:
        if _ASKED:
            _ASKED[-1].append(("", ("failed",)))  # never drawn: work waiting for it is left to the real pass
        return None
    return result if _GIVEN[0] == before else None


@dataclass(frozen=True)
class Later:
    """Work for :func:`draw_ahead`'s workers made from the plan (a plain callable is ``Later(run)``)."""

    run: Callable[[], Any]
    #: The position of the plan's :func:`final_or_none` call whose pictures ``run`` uses: it starts
    #: when they are drawn, in a worker that has them. None: it uses none not drawn already.
    after: int | None = None
    #: Estimated cost (any unit): the costliest go first, and the pictures they wait for before them.
    cost: float = 0.0


def draw_ahead(
    plan: Callable[[], R],
    drawn: Callable[[int, int], None] | None = None,
    also: Callable[[R], Sequence[Later | Callable[[], Any]]] | None = None,
    also_done: Callable[[int, int], None] | None = None,
) -> tuple[R | None, list[Any] | None]:
    """Draw every picture ``plan`` asks for in parallel processes, so the real pass finds them drawn.

    ``plan`` is run once with every picture not yet drawn (in this process or the disk cache) replaced
    by a placeholder, which records what the documents need; those pictures are then drawn by worker
    processes and remembered as if drawn here. A picture is a pure function of its models (see
    :func:`sekali`), so the bytes are the ones a serial build makes. Anything that goes wrong here (a
    worker failing, a planning error) is left to the real pass, which draws what is missing itself
    and reports errors as usual. Workers are forked (the models need no pickling, nothing is imported
    again); where fork is not available (Windows) or only one process is wanted, nothing happens here
    and the real pass draws serially. ``drawn(n, total)`` hears each picture as it is done.

    Returns what ``plan`` returned (None if it failed or did not run): parts of it made with
    :func:`final_or_none` need no real pass. ``also`` turns that into more work for the same workers
    (see :class:`Later`: work that waits for pictures starts as soon as they are drawn, and is sent
    them); its results, in order and None where an item failed or a picture it waits for did, are
    the second value (None when the workers did not run), and ``also_done(i, n)`` hears item ``i``
    finish as the ``n``-th. One worker draws (it alone imports matplotlib, while the other renders);
    see :func:`assembler.parallel.fork_schedule` for the order work is taken in.
    """
    from assembler.parallel import can_fork, frozen

    with frozen():  # what the check made stays to the end: collections skip it (see parallel.frozen)
        if not can_fork():
            return None, None
        return _draw_ahead(plan, drawn, also, also_done)


def _draw_ahead(
    plan: Callable[[], R],
    drawn: Callable[[int, int], None] | None,
    also: Callable[[R], Sequence[Later | Callable[[], Any]]] | None,
    also_done: Callable[[int, int], None] | None,
) -> tuple[R | None, list[Any] | None]:
    global _PLAN
    from assembler.parallel import Job, fork_schedule, has_early

    _PLAN = {}
    _ASKED.clear()
    planned: R | None = None
    try:
        with contextlib.suppress(Exception):
            planned = plan()
        pending = list(_PLAN.items())
        asked = list(_ASKED)
    finally:
        _PLAN = None
        _ASKED.clear()
    todo = [(key, entry) for key, entry in pending if key not in _MEMO and not _on_disk(key)]
    more = [m if isinstance(m, Later) else Later(m) for m in (also(planned) if also and planned is not None else [])]
    position = {key: n for n, (key, _entry) in enumerate(todo)}

    def waits_for(item: Later) -> tuple[int, ...] | None:
        """The pictures ``item`` waits for (positions in ``todo``); None if one of them will never be drawn."""
        if item.after is None:
            return ()
        if item.after >= len(asked):  # not a call of this plan: left to the real pass
            return None
        keys = dict.fromkeys(key for key in asked[item.after] if key not in _MEMO)
        if any(key not in position and not _on_disk(key) for key in keys):
            return None
        return tuple(position[key] for key in keys if key in position)

    needs = [waits_for(item) for item in more]
    # The pictures most waited for first (by the cost of the work waiting), then the work, costliest first.
    awaited = [0.0] * len(todo)
    costliest = [0.0] * len(todo)
    for item, wanted in zip(more, needs, strict=True):
        for n in wanted or ():
            awaited[n] += item.cost
            costliest[n] = max(costliest[n], item.cost)
    pictures = sorted(range(len(todo)), key=lambda n: -awaited[n])
    # An early worker starts the Graphviz runs first and takes their output after the matplotlib pictures
    # that the same costliest work waits for.
    first = has_early() and len(todo) > 1
    if first:
        pictures.sort(key=lambda n: (-costliest[n], todo[n][0][0] in GRAPHVIZ))
    work = sorted((i for i in range(len(more)) if needs[i] is not None), key=lambda i: -more[i].cost)
    order = pictures + [len(todo) + i for i in work]
    slot = {job: n for n, job in enumerate(order)}
    # Several pictures: matplotlib is imported here, once, before the fork (each worker would import
    # it, ~0.35 s of CPU). One: only the worker that draws it imports it (``kind``).
    kind = "gambar"
    if len(todo) > 1 and not has_early():  # (an early worker imported it already: see draw_early)
        _warm_up()
        kind = ""
    remember = _MEMO.__setitem__
    jobs = [
        Job(partial(lay_out_ahead, *entry, key), by_value=(lay_out_ahead, (*entry, key)), early_only=True)
        for key, entry in (todo[n] for n in pictures if first and todo[n][0][0] in GRAPHVIZ)
    ]
    ahead = len(jobs)
    jobs += [  # (a Graphviz picture laid out ahead is taken by the worker running its dot: no second run)
        Job(
            partial(_draw, *entry),
            share=partial(remember, key),
            kind=kind,
            by_value=(_draw, (*entry, key)),
            early_only=first and key[0] in GRAPHVIZ,
        )
        for key, entry in (todo[n] for n in pictures)
    ]
    jobs += [Job(more[i].run, needs=tuple(ahead + slot[n] for n in needs[i] or ())) for i in work]
    heard = [0, 0]

    def done(job: int) -> None:
        if job < ahead:
            return
        n = order[job - ahead]
        if n < len(todo):
            heard[0] += 1
            if drawn is not None:
                drawn(heard[0], len(todo))
        else:
            heard[1] += 1
            if also_done is not None:
                also_done(n - len(todo), heard[1])

    results = fork_schedule(jobs, done)
    if results is None:
        return planned, None
    by_item = dict(zip(order, results[ahead:], strict=False))
    for n, (key, _entry) in enumerate(todo):
        if by_item.get(n) is not None:
            _MEMO[key] = by_item[n]
    return planned, [by_item.get(len(todo) + i) for i in range(len(more))]


@contextmanager
def draw_early(wanted: bool = True) -> Iterator[None]:
    """Around a build: when its pictures will have to be drawn (the picture cache is empty or off),
    a worker forked now imports the drawing libraries while the build checks and plans, and then
    draws (:func:`assembler.parallel.early`); the build's own process never imports them."""
    from assembler.parallel import early

    folder = cache_dir()
    with contextlib.suppress(OSError):
        wanted = wanted and (folder is None or not any((folder / "gambar").iterdir()))
    with early(_warm_up if wanted else None, "gambar", leave=stop_dots_ahead):
        yield


def _warm_up() -> None:
    """Import the drawing libraries and open the fonts here, once, before the workers fork."""
    import matplotlib.figure
    import matplotlib.patches  # noqa: F401

    lebar_teks_mm(" ", 9.0)
    lebar_teks_mm(" ", 9.0, tebal=True)


def _draw(wrapper: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], key: Any = None) -> Any:
    """In a worker: draw one planned picture, through the disk cache (``key``: sent by value, the
    models must have arrived as they were planned)."""
    if key is not None and _key(getattr(wrapper, "__wrapped__", wrapper), args, kwargs) != key:
        raise ValueError("picture arguments changed on the way")
    return wrapper(*args, **kwargs)


def _from_disk(key: tuple[str, tuple[str, ...]], draw: Callable[[], Any]) -> Any:
    """Return the cached pictures for ``key`` or draw and store them; any cache trouble just draws.

    An entry that is unreadable, truncated, damaged or not ours (a disk error, an antivirus, a
    user's copy) is ignored and overwritten by a fresh drawing, so a bad entry never breaks a build.
    """
    folder = cache_dir()
    if folder is None:
        return draw()
    path = _cache_path(folder, key)
    try:
        return _unpack(path.read_bytes())
    except (OSError, ValueError, struct.error):
        pass
    result = draw()
    blob = _pack(result)
    if blob is not None:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(blob)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return result
