"""Render a .docx template (docxtpl) with a context dict, safely.

docxtpl's defaults are unsafe for user text: without autoescape an ``&`` or ``<`` in a value
makes the document XML invalid and lxml's recovering parser silently drops everything after it.
We always render through a sandboxed Jinja environment with autoescape on and strict undefined,
so user text is data (``{{ 7*7 }}`` stays literal), a missing variable is an error naming the
template and the variable, and XML-illegal control characters never reach the document.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, ClassVar

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from markupsafe import Markup, escape

from assembler import parallel, render_tree, template_cache
from assembler.errors import ExitCode, Problem, SiapError
from assembler.messages import Localized, register
from assembler.sandbox import LimitedEnvironment, TemplateLimitError, check_printed, limits

register(
    {
        "render.undefined": (
            "templat {templat}: variabel '{variabel}' tidak tersedia dalam konteks dokumen ({detail})",
            "template {templat}: variable '{variabel}' is not provided by the document context ({detail})",
        ),
        "render.syntax": (
            "templat {templat}: tag Jinja tidak sah di baris {baris}: {detail}",
            "template {templat}: invalid Jinja tag at line {baris}: {detail}",
        ),
        "render.unsafe": (
            "templat {templat}: operasi yang tidak diizinkan dalam templat: {detail}",
            "template {templat}: operation not allowed in a template: {detail}",
        ),
        "render.failed": (
            "templat {templat}: gagal dirender: {detail}",
            "template {templat}: rendering failed: {detail}",
        ),
        "render.limit.power": (
            "perhitungan {detail} di templat menghasilkan bilangan lebih dari {limit} bit; templat tidak "
            "boleh menghitung bilangan sebesar itu",
            "the calculation {detail} in the template gives a number of more than {limit} bits; a template "
            "may not compute numbers that large",
        ),
        "render.limit.size": (
            "{detail} di templat menghasilkan teks atau daftar lebih dari {limit} karakter/butir; kurangi "
            "pengulangan di tag itu",
            "{detail} in the template gives a text or list of more than {limit} characters/items; reduce the "
            "repetition in that tag",
        ),
        "render.limit.range": (
            "{detail} di templat melebihi {limit} butir per perulangan",
            "{detail} in the template exceeds {limit} items per loop",
        ),
        "render.limit.loops": (
            "perulangan range() di templat seluruhnya melebihi {limit} putaran; periksa perulangan bersarang",
            "the template's range() loops exceed {limit} steps in total; check its nested loops",
        ),
        "render.limit.output": (
            "hasil templat melebihi {limit} karakter; periksa perulangan di templat",
            "the rendered template exceeds {limit} characters; check the template's loops",
        ),
        "render.limit.time": (
            "templat dihentikan setelah {limit} detik belum selesai dirender; periksa perulangan dan makro di "
            "templat",
            "the template was stopped after {limit} seconds without finishing; check its loops and macros",
        ),
        "render.limit.include": (
            "tag include/import/extends ({detail}) tidak diizinkan di templat; setiap templat berdiri sendiri, "
            "salin isi yang diperlukan ke templat ini",
            "include/import/extends tags ({detail}) are not allowed in a template; every template stands alone, "
            "copy what it needs into it",
        ),
        "render.limit.recursion": (
            "templat bersarang terlalu dalam: makro yang memanggil dirinya sendiri, atau tanda kurung dan tag "
            "yang bertumpuk terlalu banyak; periksa makro dan tag di templat",
            "the template is nested too deeply: a macro that calls itself, or too many brackets and tags inside "
            "each other; check the template's macros and tags",
        ),
        "render.limit.created": (
            "templat membuat teks dan daftar lebih dari {limit} karakter/butir seluruhnya; periksa perulangan "
            "dan pengulangan teks di templat",
            "the template creates more than {limit} characters/items of text and lists in all; check its loops "
            "and repetitions",
        ),
        "render.limit.memory": (
            "memori habis saat templat dirender; periksa perulangan dan pengulangan teks di templat",
            "memory ran out while rendering the template; check its loops and repetitions",
        ),
    }
)

# XML 1.0 allows TAB, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
# docxtpl also turns \a and \f inside text into new paragraphs/page breaks; user text must not
# be able to do that, and both are XML-illegal anyway, so they go too.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# docxtpl un-escapes these markers after rendering ("{_{" -> "{{"); a value that contains them
# must come out unchanged, so the underscore is written as a character reference the XML parser
# resolves after docxtpl's textual replacement has run.
_DOCXTPL_MARKERS = re.compile(r"(?<=\{)_(?=[{%])|(?<=[}%])_(?=\})")


def clean_text(text: str) -> str:
    """Remove characters XML 1.0 cannot carry; the context builders warn with file:line first."""
    return _XML_ILLEGAL.sub("", text)


def has_illegal_chars(text: str) -> bool:
    """True when :func:`clean_text` would change ``text`` (so the caller can warn)."""
    return _XML_ILLEGAL.search(text) is not None


def clean_context(value: Any) -> Any:
    """Apply :func:`clean_text` to every string inside dicts, lists and tuples (a copy)."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {k: clean_context(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_context(v) for v in value]
    return value


@dataclass(frozen=True)
class Gambar:
    """A picture a context builder puts into the document (a PNG it generated, never a user file).

    The context stays plain data; :func:`render_docx` turns each ``Gambar`` into docxtpl's
    ``InlineImage`` once the template object exists, so builders need not know docxtpl.
    """

    png: bytes
    lebar_mm: float
    keterangan: str = ""
    #: Exact print height; ``None`` keeps the PNG's proportions (a flowchart tile must fill its row).
    tinggi_mm: float | None = None


@functools.lru_cache(maxsize=1)
def _inline_image_class() -> Any:
    """docxtpl's InlineImage writing ``dist*="0"`` as Word does: without them LibreOffice sets an
    inline picture about 3 mm in from the left, which breaks the SOP flowchart tiles' lines."""
    from docxtpl import InlineImage

    class ZeroDistInlineImage(InlineImage):  # type: ignore[misc]
        def _insert_image(self) -> str:
            xml = str(super()._insert_image())
            return xml.replace("<wp:inline ", '<wp:inline distT="0" distB="0" distL="0" distR="0" ', 1)

    return ZeroDistInlineImage


def _prepare(value: Any, template: Any) -> Any:
    """One pass over the context: strip XML-illegal characters, turn each Gambar into an image."""
    if isinstance(value, str):
        return value if isinstance(value, Markup) or not _XML_ILLEGAL.search(value) else clean_text(value)
    if isinstance(value, Mapping):
        return {k: _prepare(v, template) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_prepare(v, template) for v in value]
    if isinstance(value, Gambar):
        from docx.shared import Mm

        height = Mm(value.tinggi_mm) if value.tinggi_mm is not None else None
        return _inline_image_class()(template, io.BytesIO(value.png), width=Mm(value.lebar_mm), height=height)
    return value


def _template_class() -> Any:
    """docxtpl's template, remembering its XML clean-up (a dozen regexes over the whole part).

    The same template is rendered many times per build (21 meeting kits); its cleaned XML is the
    same each time, so it is computed once per distinct source, and kept between builds by
    :mod:`assembler.template_cache`.
    """
    from docxtpl import DocxTemplate

    class CachedDocxTemplate(DocxTemplate):  # type: ignore[misc]
        _patched: ClassVar[dict[str, str]] = {}

        def patch_xml(self, src_xml: str) -> str:
            cached = self._patched.get(src_xml)
            if cached is None:
                if len(self._patched) > 256:
                    self._patched.clear()
                cached = self._patched[src_xml] = template_cache.patched(src_xml, super().patch_xml)
            return cached

        def resolve_listing(self, xml: str) -> str:
            """docxtpl's pass turning a tab, newline, ``\\a`` or ``\\f`` in a text into Word's own marks.

            docxtpl runs three nested regex substitutions over every paragraph, run and text (0.24 s
            for a 2,000-kegiatan logframe); only a paragraph holding one of those characters can
            change, so only those are given to it (each one alone is matched exactly as in the whole).
            """
            if not _LISTING_CHARS.search(xml):
                return xml
            resolve = super().resolve_listing

            def paragraph(match: re.Match[str]) -> str:
                text = match.group(0)
                return resolve(text) if _LISTING_CHARS.search(text) else text

            return _PARAGRAPH.sub(paragraph, xml)

        def fix_tables(self, xml: str) -> Any:
            """The rendered body parsed inside the document, when that is provably docxtpl's result.

            docxtpl parses the body alone, walks every table row in Python and then moves the whole
            tree into the document (~0.6 s for a 2,000-kegiatan logframe); see :mod:`assembler.render_tree`.
            """
            body = render_tree.parse_in_document(self, xml)
            return super().fix_tables(xml) if body is None else body

        def fix_docpr_ids(self, tree: Any) -> None:
            if not render_tree.renumber_pictures(self, tree):
                super().fix_docpr_ids(tree)

        def map_tree(self, tree: Any) -> None:
            if not render_tree.adopt(self, tree):
                super().map_tree(tree)

    return CachedDocxTemplate


_TEMPLATE_CLASS: Any = None
#: What docxtpl's ``resolve_listing`` rewrites, and its paragraph pattern (``docxtpl/template.py``).
_LISTING_CHARS = re.compile("[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)


def _package_bytes(template: Any, body_pass: Callable[[Any], object] | None = None) -> bytes:
    """The rendered package as an uncompressed zip: the normalizer compresses it once, not twice.

    ``body_pass`` changes ``word/document.xml``'s element tree in place before it is written: a pass over
    the rendered text works on the tree docxtpl already holds instead of parsing the saved XML again
    (for a 2,000-kegiatan Smart Logframe that second tree was ~90 MB of the peak).
    """
    import zipfile

    from docx.opc.pkgwriter import _ContentTypesItem

    template.pre_processing()
    if body_pass is not None:
        body_pass(template.docx.element)
    package = template.docx.part.package
    parts = list(package.iter_parts())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        content_types = _ContentTypesItem.from_parts(parts)  # type: ignore[no-untyped-call]
        zf.writestr("[Content_Types].xml", content_types.blob)
        zf.writestr("_rels/.rels", package.rels.xml)
        for part in parts:
            zf.writestr(part.partname.membername, part.blob)
            if part.rels:
                zf.writestr(part.partname.rels_uri.membername, part.rels.xml)
    template.post_processing(out)
    return out.getvalue()


class RenderError(SiapError):
    """A template could not be rendered with the context it was given."""

    exit_code = ExitCode.INVALID


def _one_line_end(text: str) -> str:
    """A Windows line end (CR LF, from a pasted text or a workbook cell) or a lone CR is one line break.

    Left as it was, CR LF printed as two breaks (an empty line) in the document.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _finalize(value: Any) -> Any:
    """Runs on every ``{{ }}`` value before autoescape; keeps user strings inert and XML-legal."""
    if type(value) is str:  # most values (40,000 in a 2,000-kegiatan logframe): the same steps, fewer copies
        if "\r" in value:
            value = _one_line_end(value)
        markup = escape(_XML_ILLEGAL.sub("", value) if _XML_ILLEGAL.search(value) else value)
        return Markup(_DOCXTPL_MARKERS.sub("&#95;", markup)) if "_" in markup else markup
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return value
    if value is None:
        # StrictUndefined catches missing keys; an explicit None prints nothing, not "None".
        return ""
    if isinstance(value, str):
        escaped = str(escape(clean_text(_one_line_end(str(value)))))
        return Markup(_DOCXTPL_MARKERS.sub("&#95;", escaped))
    check_printed(value)  # a container prints as its repr: refuse one that would be gigabytes of text
    return value


def _idfmt(name: str) -> Callable[..., str]:
    """A filter that imports :mod:`assembler.idfmt` when first used (it is written separately)."""

    def call(*args: Any, **kwargs: Any) -> str:
        from assembler import idfmt

        func: Callable[..., str] = getattr(idfmt, name)
        return func(*args, **kwargs)

    call.__name__ = name
    return call


def _required(value: Any, name: str = "") -> Any:
    """``{{ x | wajib('x') }}``: refuse empty strings where a blank would look like a real value."""
    if value is None or value == "":
        raise UndefinedError(f"'{name or 'value'}' is empty")
    return value


FILTER_NAMES = (
    "tanggal",
    "rupiah",
    "terbilang",
    "terbilang_rupiah",
    "diktum",
    "romawi",
    "daftar",
    "angka",
    "persen",
    "huruf",
)


class _CachingEnvironment(LimitedEnvironment):
    """Compiles each distinct template source once per process, and keeps the code between builds.

    One build renders the meeting-kit template 21 times and the working-paper template 7 times;
    compiling their XML again each time was most of the build's cost. Compiling each once was still
    0.6 s per build (and again in each render worker): the code object is kept on disk by
    :mod:`assembler.template_cache` and made into a template as Jinja's own bytecode cache does.
    """

    _compiled: dict[str, Any]

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        cached = self._compiled.get(source)
        if cached is None:
            if len(self._compiled) > 256:
                self._compiled.clear()
            # Jinja's from_string (globals and class left default), with the compile step cached.
            code = template_cache.compiled(self, source)
            cached = self.template_class.from_code(self, code, self.make_globals(None), None)
            self._compiled[source] = cached
        return cached


_ENV: _CachingEnvironment | None = None


def make_environment() -> LimitedEnvironment:
    """The one Jinja environment every template renders with (shared, so compiled parts are reused)."""
    global _ENV
    if _ENV is None:
        _ENV = _new_environment()
    return _ENV


def _new_environment() -> _CachingEnvironment:
    env = _CachingEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    for name in FILTER_NAMES:
        env.filters[name] = _idfmt(name)
    env.filters["wajib"] = _required
    env._compiled = {}
    return env


_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'|'([^']+)' is empty")


def _undefined_name(message: str) -> str:
    match = _UNDEFINED_NAME.search(message)
    if not match:
        return message
    return next(g for g in match.groups() if g)


def render_docx(
    template: str | Path | IO[bytes],
    context: Mapping[str, Any],
    *,
    name: str | None = None,
    body_pass: Callable[[Any], object] | None = None,
) -> bytes:
    """Render ``template`` with ``context`` and return the .docx bytes (not yet normalized).

    ``name`` is what error messages call the template; by default its file name. ``body_pass`` is run
    on the rendered ``word/document.xml`` tree before it is written (see :func:`_package_bytes`).
    """

    # Python's cycle collector would walk every object the process already holds (the checked workspace:
    # 70,000 for 2,000 kegiatan) dozens of times while the render allocates, ~10% of a large render.
    # Those are set aside (``gc.freeze``) for the render and given back after; what the render itself
    # makes is collected as usual, so a template's garbage stays bounded. Nothing of the output depends
    # on it. Inside a build (already frozen, :func:`assembler.parallel.frozen`) nothing more is frozen, so
    # the garbage of earlier renders is not held until the build ends.
    if parallel.is_frozen():
        return _render_docx(template, context, name=name, body_pass=body_pass)
    with parallel.frozen():
        return _render_docx(template, context, name=name, body_pass=body_pass)


def _render_docx(
    template: str | Path | IO[bytes],
    context: Mapping[str, Any],
    *,
    name: str | None = None,
    body_pass: Callable[[Any], object] | None = None,
) -> bytes:
    """:func:`render_docx` without the collector pause."""

    label = name or (Path(template).name if isinstance(template, (str, Path)) else "<templat>")
    global _TEMPLATE_CLASS
    if _TEMPLATE_CLASS is None:
        _TEMPLATE_CLASS = _template_class()
    doc = _TEMPLATE_CLASS(template)
    env = make_environment()
    try:
        with limits():
            doc.render(_prepare(context, doc), jinja_env=env, autoescape=True)
    except TemplateLimitError as exc:
        raise RenderError(limit_problem(label, exc)) from exc
    except RecursionError as exc:
        raise RenderError(limit_problem(label, TemplateLimitError("recursion"))) from exc
    except MemoryError as exc:
        raise RenderError(limit_problem(label, TemplateLimitError("memory"))) from exc
    except UndefinedError as exc:
        detail = str(exc)
        raise RenderError(
            Problem(
                "render.undefined",
                {"templat": label, "variabel": _undefined_name(detail), "detail": detail},
                file=label,
            )
        ) from exc
    except SecurityError as exc:
        raise RenderError(Problem("render.unsafe", {"templat": label, "detail": str(exc)}, file=label)) from exc
    except TemplateSyntaxError as exc:
        raise RenderError(
            Problem(
                "render.syntax",
                {"templat": label, "baris": exc.lineno, "detail": exc.message or str(exc)},
                file=label,
            )
        ) from exc
    except TemplateError as exc:
        raise RenderError(Problem("render.failed", {"templat": label, "detail": str(exc)}, file=label)) from exc
    except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
        if not _raised_in_template(exc):
            raise  # siap's own bug: exit 70 with --verbose, not blamed on the template
        # What a template's own expression raises ({{ 1/0 }}, {{ 'a' + 1 }}): the template's fault.
        detail = f"{type(exc).__name__}: {exc}"
        raise RenderError(Problem("render.failed", {"templat": label, "detail": detail}, file=label)) from exc
    return _package_bytes(doc, body_pass)


def _raised_in_template(exc: BaseException) -> bool:
    """Did the error pass through a template's own code? (Jinja names those frames ``<template>``.)"""
    import traceback

    return any(frame.f_code.co_filename == "<template>" for frame, _ in traceback.walk_tb(exc.__traceback__))


def limit_problem(label: str, exc: TemplateLimitError) -> Problem:
    """The message for a template that asked for more than a document can need."""
    params = {"templat": label, "detail": exc.detail, "limit": limit_value(exc.limit)}
    return Problem(f"render.limit.{exc.kind}", params, file=label)


def limit_value(limit: object) -> object:
    """A limit as the reader writes numbers: 10.000.000 in Indonesian, 10,000,000 in English."""
    if isinstance(limit, int):
        return Localized(f"{limit:,}".replace(",", "."), f"{limit:,}")
    return limit
