"""Load a YAML file into plain Python values while remembering where every value was written.

We compose the parser's events ourselves (no recursion, no YAML 1.1 type guessing) so that each key
and value keeps its line and column, every scalar stays the text the user typed (``45.000`` is not
the float 45.0, ``031450`` not the octal 13096), duplicate keys are caught (PyYAML silently keeps the
last one), and aliases can neither expand without bound nor refer to themselves. No constructor
runs: nothing in a file can create an object.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assembler import scalars
from assembler.errors import Problem
from assembler.messages import register
from assembler.scalars import ScalarError
from assembler.yaml_syntax import syntax_problem as _syntax_problem

Loc = tuple[str | int, ...]

#: libyaml composes ten times faster and keeps the same marks; both loaders are the safe ones.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Position = tuple[int, int]

#: A workspace file is typed by people; anything larger is a mistake (or an attack), not a plan.
MAX_FILE_BYTES = 2_000_000
#: Values produced after alias expansion; a "billion laughs" document stops here, fast.
MAX_VALUES = 250_000
#: Free text longer than this is almost certainly pasted by accident.
MAX_STRING = 20_000
#: Nesting levels (aliases expanded); the deepest real topic file has about ten.
MAX_DEPTH = 40

register(
    {
        "yaml.syntax": (
            "sintaks YAML tidak valid di sini; periksa tanda kutip, tanda ':' dan indentasi",
            "invalid YAML syntax: {problem}",
        ),
        "yaml.tab": (
            "karakter tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi",
            "tab characters cannot be used for YAML indentation; use spaces",
        ),
        "yaml.duplicate_key": (
            "kunci '{key}' ditulis dua kali (pertama di baris {first_line}); hapus salah satunya",
            "key '{key}' is written twice (first at line {first_line}); remove one of them",
        ),
        "yaml.not_utf8": (
            "berkas bukan teks UTF-8 (karakter tidak sah di sini); simpan ulang dengan pengodean UTF-8",
            "file is not UTF-8 text (invalid character here); save it again with UTF-8 encoding",
        ),
        "yaml.too_large": (
            "berkas terlalu besar ({size} byte; paling besar {limit} byte)",
            "file is too large ({size} bytes; at most {limit} bytes)",
        ),
        "yaml.too_many_values": (
            "berkas menghasilkan lebih dari {limit} nilai (alias YAML yang berlipat?); ditolak",
            "file expands to more than {limit} values (nested YAML aliases?); refused",
        ),
        "yaml.complex_key": (
            "kunci harus berupa teks sederhana",
            "keys must be plain scalars",
        ),
        "yaml.not_mapping": (
            "isi berkas harus berupa pasangan kunci: nilai di tingkat teratas",
            "the file must hold key: value pairs at the top level",
        ),
        "yaml.string_too_long": (
            "teks terlalu panjang ({length} karakter; paling banyak {limit})",
            "text is too long ({length} characters; at most {limit})",
        ),
        "yaml.control_char": (
            "karakter kendali tak terlihat (U+{codepoint}) dihapus dari teks",
            "invisible control character (U+{codepoint}) removed from the text",
        ),
        "yaml.too_deep": (
            "susunan bertingkat terlalu dalam (lebih dari {limit} tingkat); periksa indentasi dan alias",
            "nesting is too deep (more than {limit} levels); check the indentation and aliases",
        ),
        "yaml.recursive_alias": (
            "alias '*{alias}' merujuk ke nilai yang sedang didefinisikannya sendiri; hapus alias itu",
            "alias '*{alias}' refers to the value that contains it; remove the alias",
        ),
        "yaml.undefined_alias": (
            "alias '*{alias}' tidak dikenal: tidak ada '&{alias}' sebelumnya",
            "alias '*{alias}' is unknown: there is no '&{alias}' before it",
        ),
        "yaml.tag_unsupported": (
            "tanda tipe YAML '{tag}' tidak dipakai di siap; hapus tanda itu",
            "the YAML tag '{tag}' is not used by siap; remove it",
        ),
        "yaml.tag_mismatch": (
            "nilai '{text}' tidak sesuai dengan tanda tipe '{tag}'; hapus tanda itu atau perbaiki nilainya",
            "value '{text}' does not fit the tag '{tag}'; remove the tag or correct the value",
        ),
        "yaml.merge_not_mapping": (
            "kunci gabungan '<<' hanya dapat menggabungkan pemetaan (kunci: nilai), misalnya '<<: *baris' "
            "atau '<<: [*baris, *lain]' dengan '&baris' di depan sebuah butir; ini bukan pemetaan",
            "the merge key '<<' can only merge mappings (key: value), for example '<<: *row' or "
            "'<<: [*row, *other]' with '&row' before an item; this is not a mapping",
        ),
        "yaml.multiple_documents": (
            "berkas berisi lebih dari satu dokumen YAML ('---'); satukan menjadi satu",
            "the file holds more than one YAML document ('---'); merge them into one",
        ),
    }
)

# Characters that XML 1.0 forbids; Word refuses a document that contains them.
_XML_ILLEGAL = {c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0xFFFE, 0xFFFF}
_XML_ILLEGAL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_XML_ILLEGAL)) + "]")


@dataclass
class LoadedFile:
    """A parsed YAML file: its data (None when empty) and where each value and key sits.

    Every scalar in ``data`` is the text the user typed (``str``), or None for an empty value or
    ``null``/``~``; mapping keys are always text. Which number or date a text is depends on the field
    it fills, so :mod:`assembler.conform` converts it with the model at hand (see ``scalars``).
    """

    name: str
    data: Any
    positions: dict[Loc, Position] = field(default_factory=dict)
    key_positions: dict[Loc, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sha256: str = ""
    #: A key converted for its field (``2026`` for ``biaya_per_tahun``): typed loc -> loc as written.
    renamed: dict[Loc, Loc] = field(default_factory=dict)
    #: Workbooks only: ``Sheet!D7`` of every value (and of every empty cell of a row), by the same keys.
    cells: dict[Loc, str] = field(default_factory=dict)
    #: Workbooks only: values whose cell already has a problem (a later pydantic error there is a repeat).
    reported: set[Loc] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def is_empty(self) -> bool:
        """A file with only comments: the topic is not filled in yet (``siap init`` writes these)."""
        return self.ok and self.data is None

    def source_loc(self, loc: Loc) -> Loc:
        """``loc`` of a typed value, as it is written in the file (keys converted back to their text)."""
        if not self.renamed:
            return loc
        out: Loc = ()
        for i, part in enumerate(loc):
            typed = (*loc[: i + 1],)
            out = (*out, self.renamed[typed][-1]) if typed in self.renamed else (*out, part)
        return out

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        """The nearest known position of ``loc``: the value itself, else its closest parent."""
        loc = self.source_loc(loc)
        table = self.key_positions if key else self.positions
        if key and loc in table:
            return table[loc]
        probe = loc
        while True:
            if probe in self.positions:
                return self.positions[probe]
            if not probe:
                return None
            probe = probe[:-1]

    def cell(self, loc: Loc) -> str | None:
        """Workbooks only: the ``Sheet!Cell`` of ``loc`` or of its closest parent."""
        probe = self.source_loc(loc)
        while self.cells:
            if probe in self.cells:
                return self.cells[probe]
            if not probe:
                return None
            probe = probe[:-1]
        return None


def format_loc(loc: Loc) -> str:
    """``('isu', 2, 'skor', 'urgensi')`` → ``isu[2].skor.urgensi`` (list indices count from 0)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_TAG = "tag:yaml.org,2002:"
_NULL = {"", "~", "null", "Null", "NULL"}


class _Node:
    """A composed YAML node: a scalar's text, a sequence's items or a mapping's pairs, with its place.

    ``size`` and ``depth`` are what the node yields once aliases are expanded; they are known when
    the node closes, so a "billion laughs" or a deep alias chain is refused before anything is built.
    A plain slotted class: a 2,000-kegiatan workspace makes 60,000 of them.
    """

    __slots__ = ("column", "depth", "items", "kind", "line", "merge", "open", "size", "text")

    def __init__(self, kind: str, line: int, column: int, text: str | None = None, *, open: bool = True) -> None:
        self.kind = kind  # "scalar", "seq" or "map"
        self.line = line
        self.column = column
        self.text = text
        self.items: list[_Node] = []
        self.size = 1
        self.depth = 1
        self.open = open
        #: A plain ``<<`` (or ``!!merge <<``): as a key, YAML 1.1's merge key (see ``_Builder.pairs``).
        self.merge = False


class _RefusedError(Exception):
    """A document that cannot be built (too deep, too large, self-referencing): one problem says why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.code)


_SIZE = operator.attrgetter("size")
_DEPTH = operator.attrgetter("depth")

# What the composer does with each kind of parser event (looked up by the event's class, in ``feed``).
_SCALAR, _START, _END, _ALIAS, _DOCUMENT, _OTHER = range(6)
_EVENT_ACTIONS: dict[type, int] = {
    yaml.ScalarEvent: _SCALAR,
    yaml.SequenceStartEvent: _START,
    yaml.MappingStartEvent: _START,
    yaml.SequenceEndEvent: _END,
    yaml.MappingEndEvent: _END,
    yaml.AliasEvent: _ALIAS,
    yaml.DocumentStartEvent: _DOCUMENT,
}


def _event_action(event_type: type) -> int:
    """The action of an event class not in the table (a subclass, say), found as ``isinstance`` would."""
    for known, action in list(_EVENT_ACTIONS.items()):
        if issubclass(event_type, known):
            _EVENT_ACTIONS[event_type] = action
            return action
    _EVENT_ACTIONS[event_type] = _OTHER
    return _OTHER


class _Composer:
    """Builds :class:`_Node` trees from parser events without recursion, checking tags as it goes.

    PyYAML's own composer recurses once per nesting level (a ``[[[[…`` file ends in RecursionError)
    and resolves scalars by YAML 1.1 (octal, base 60, ``yes``); here a scalar stays the text written.
    ``feed`` runs once per event (70,000 for 2,000 kegiatan), so it dispatches on the event's class
    and builds a plain scalar inline.
    """

    def __init__(self, loaded: LoadedFile) -> None:
        self.loaded = loaded
        self.anchors: dict[str, _Node] = {}
        self.stack: list[_Node] = []
        self.roots: list[_Node | None] = []
        self.documents = 0

    def at(self, mark: Any, code: str, **params: Any) -> Problem:
        return Problem(code, params, self.loaded.name, mark.line + 1, mark.column + 1)

    def feed(self, event: Any) -> None:
        action = _EVENT_ACTIONS.get(event.__class__)
        if action is None:
            action = _event_action(event.__class__)
        if action == _DOCUMENT:
            self.documents += 1
            if not self.roots:
                self.roots.append(None)
            return
        stack = self.stack
        if self.documents > 1 and not stack and hasattr(event, "start_mark"):
            raise _RefusedError(self.at(event.start_mark, "yaml.multiple_documents"))
        if action == _SCALAR:
            mark = event.start_mark
            if event.tag is None:  # the usual case, inline: None for a plain empty/null/~, else the text
                text: str | None = str(event.value)
                if text in _NULL and event.style in (None, ""):
                    text = None
            else:
                text = self.scalar_text(event)
            node = _Node("scalar", mark.line + 1, mark.column + 1, text, open=False)
            if event.value == "<<":
                plain = event.tag is None and event.style in (None, "")
                node.merge = plain or event.tag == _TAG + "merge"
            if event.anchor is None and stack:
                stack[-1].items.append(node)
            else:
                self.add(node, event)
        elif action == _START:
            kind = "seq" if isinstance(event, yaml.SequenceStartEvent) else "map"
            self.check_collection_tag(event, kind)
            if len(stack) >= MAX_DEPTH:
                raise _RefusedError(self.at(event.start_mark, "yaml.too_deep", limit=MAX_DEPTH))
            node = _Node(kind, *_place(event))
            self.add(node, event)
            stack.append(node)
        elif action == _END:
            node = stack.pop()
            node.open = False
            items = node.items
            if items:
                node.size = min(1 + sum(map(_SIZE, items)), MAX_VALUES + 1)
                node.depth = 1 + max(map(_DEPTH, items))
            if node.size > MAX_VALUES:
                raise _RefusedError(Problem("yaml.too_many_values", {"limit": MAX_VALUES}, self.loaded.name))
            if node.depth > MAX_DEPTH:
                raise _RefusedError(self.at(event.start_mark, "yaml.too_deep", limit=MAX_DEPTH))
        elif action == _ALIAS:
            target = self.anchors.get(str(event.anchor))
            if target is None:  # reported, and read as an empty value so the rest of the file is checked
                self.loaded.problems.append(self.at(event.start_mark, "yaml.undefined_alias", alias=event.anchor))
                target = _Node("scalar", *_place(event), open=False)
            if target.open:
                raise _RefusedError(self.at(event.start_mark, "yaml.recursive_alias", alias=event.anchor))
            self.add(target, None)

    def add(self, node: _Node, event: Any) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.anchors[anchor] = node
        if self.stack:
            self.stack[-1].items.append(node)
        elif self.roots:
            self.roots[-1] = node
        else:  # pragma: no cover - the parser always opens a document first
            self.roots.append(node)

    def scalar_text(self, event: Any) -> str | None:
        """The scalar as written, None for a plain empty/``null``/``~``; a tag must fit its text."""
        tag, text, plain = event.tag, str(event.value), event.style in (None, "")
        if tag is None:
            return None if plain and text in _NULL else text
        if tag == "!" or tag == _TAG + "str":
            return text
        kind = tag[len(_TAG) :] if tag.startswith(_TAG) else None
        check = _TAG_CHECKS.get(kind or "")
        if check is None:
            self.loaded.problems.append(self.at(event.start_mark, "yaml.tag_unsupported", tag=_short_tag(tag)))
            return text
        if not check(text):
            shown = text if len(text) <= 40 else text[:39] + "…"
            self.loaded.problems.append(
                self.at(event.start_mark, "yaml.tag_mismatch", tag=_short_tag(tag), text=shown)
            )
            return text
        return None if kind == "null" else text

    def check_collection_tag(self, event: Any, kind: str) -> None:
        tag = event.tag
        if tag is None or tag == "!" or tag == _TAG + kind:
            return
        self.loaded.problems.append(self.at(event.start_mark, "yaml.tag_unsupported", tag=_short_tag(tag)))


def _place(event: Any) -> tuple[int, int]:
    """Line and column (from 1) where an event starts."""
    return event.start_mark.line + 1, event.start_mark.column + 1


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _fits(convert: Any) -> Any:
    def check(text: str) -> bool:
        try:
            convert(text)
        except ScalarError:
            return False
        return True

    return check


def _is_timestamp(text: str) -> bool:
    """A date, or a date with a time of day; the field decides later whether a time is allowed."""
    try:
        scalars.to_date(text)
    except ScalarError as exc:
        # a time of day or a year out of range is still a timestamp; the field's own message says more
        return exc.code in ("tanggal.dengan_jam", "tanggal.rentang")
    return True


#: What an explicit YAML tag promises about its text; ``!!int abc`` is refused at its line.
_TAG_CHECKS: dict[str, Any] = {
    "int": _fits(scalars.to_int),
    "float": _fits(scalars.to_decimal),
    "bool": _fits(scalars.to_bool),
    "null": lambda text: text in _NULL,
    "timestamp": _is_timestamp,
    "merge": lambda text: text == "<<",
}


class _Builder:
    """Turns composed nodes into plain values, recording where each value and key was written."""

    def __init__(self, loaded: LoadedFile) -> None:
        self.loaded = loaded
        #: Mappings whose keys were checked: one reached again (an alias, a merge) is not reported twice.
        self.checked: set[int] = set()

    def problem(self, node: _Node, code: str, severity: str = "error", **params: Any) -> None:
        self.loaded.problems.append(
            Problem(code, params, self.loaded.name, node.line, node.column, severity=severity)  # type: ignore[arg-type]
        )

    def build(self, node: _Node, loc: Loc) -> Any:
        positions = self.loaded.positions
        if loc not in positions:
            positions[loc] = (node.line, node.column)
        kind = node.kind
        if kind == "scalar":
            text = node.text
            # clean() only when needed: most texts are short and hold no XML-illegal character
            if text is None or (len(text) <= MAX_STRING and not _XML_ILLEGAL_RE.search(text)):
                return text
            return self.clean(node, text)
        if kind == "seq":
            return [self.build(child, (*loc, i)) for i, child in enumerate(node.items)]
        return self.mapping(node, loc)

    def clean(self, node: _Node, text: str, *, report: bool = True) -> str:
        if len(text) > MAX_STRING:
            if report:
                self.problem(node, "yaml.string_too_long", length=len(text), limit=MAX_STRING)
            return text[:MAX_STRING]
        if not _XML_ILLEGAL_RE.search(text):
            return text
        bad = sorted({ord(ch) for ch in text if ord(ch) in _XML_ILLEGAL})
        if bad:
            for codepoint in bad if report else ():
                self.problem(node, "yaml.control_char", severity="warning", codepoint=f"{codepoint:04X}")
            text = "".join(ch for ch in text if ord(ch) not in _XML_ILLEGAL)
        return text

    def mapping(self, node: _Node, loc: Loc) -> dict[str, Any]:
        """The mapping's values by key; each key's position is that of the key as written."""
        result: dict[str, Any] = {}
        for key, (key_node, value_node) in self.pairs(node).items():
            child = (*loc, key)
            self.loaded.key_positions[child] = (key_node.line, key_node.column)
            result[key] = self.build(value_node, child)
        return result

    def pairs(self, node: _Node) -> dict[str, tuple[_Node, _Node]]:
        """Key and value nodes by key text, each key once, a merge key's (``<<: *baris``) brought in.

        ``2026:`` and ``'2026':`` are the same key, so the second is a duplicate (as is a second ``<<``).
        A merged value keeps its own nodes, so its position is the line where the anchor wrote it.
        """
        report = id(node) not in self.checked
        self.checked.add(id(node))
        own: dict[str, tuple[_Node, _Node]] = {}
        first_seen: dict[str, int] = {}
        merge: _Node | None = None
        pairs = node.items
        for key_node, value_node in zip(pairs[0::2], pairs[1::2], strict=True):
            if key_node.kind != "scalar":
                if report:
                    self.problem(key_node, "yaml.complex_key")
                continue
            key = key_node.text or ""
            if len(key) > MAX_STRING or _XML_ILLEGAL_RE.search(key):
                key = self.clean(key_node, key, report=report)
            if key in first_seen:
                if report:
                    self.problem(key_node, "yaml.duplicate_key", key=key, first_line=first_seen[key])
                continue
            first_seen[key] = key_node.line
            if key_node.merge:
                merge = value_node
            else:
                own[key] = (key_node, value_node)
        return own if merge is None else _merged(own, self.merge_sources(merge, report=report))

    def merge_sources(self, value: _Node, *, report: bool) -> list[dict[str, tuple[_Node, _Node]]]:
        """The mappings a merge key names: one (``<<: *a``) or a list (``<<: [*a, *b]``), in that order."""
        sources = value.items if value.kind == "seq" else [value]
        found = []
        for source in sources:
            if source.kind == "map":
                found.append(self.pairs(source))
            elif report and not (source.kind == "scalar" and source.text is None):  # empty: nothing to merge
                self.problem(source, "yaml.merge_not_mapping")  # (an unknown alias is reported as such)
        return found


def _merged(
    own: dict[str, tuple[_Node, _Node]], sources: list[dict[str, tuple[_Node, _Node]]]
) -> dict[str, tuple[_Node, _Node]]:
    """YAML 1.1's merge key: a key written in the mapping itself wins over a merged one, and of the merged
    mappings an earlier one wins over a later one. The keys keep the anchor's order (a copied row reads
    as the row it copies), keys only the mapping has come after them."""
    result: dict[str, tuple[_Node, _Node]] = {}
    for source in sources:
        for key, pair in source.items():
            if key not in result:
                result[key] = own.get(key, pair)
    for key, pair in own.items():
        result.setdefault(key, pair)
    return result


def load_yaml_text(text: str, name: str) -> LoadedFile:
    """Parse YAML text; problems are collected on the result, never raised."""
    loaded = LoadedFile(name=name, data=None)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = _strip_control_characters(text, loaded)
    composer = _Composer(loaded)
    try:
        try:
            _compose(text, _FAST_LOADER, composer)
        except yaml.MarkedYAMLError:
            # Errors are rare; the pure-Python parser words them the way our translations expect.
            composer = _Composer(loaded)
            _compose(text, yaml.SafeLoader, composer)
    except _RefusedError as refused:
        loaded.problems.append(refused.problem)
        return loaded
    except yaml.MarkedYAMLError as exc:
        loaded.problems.append(_syntax_problem(exc, name))
        return loaded
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        loaded.problems.append(Problem("yaml.syntax", {"problem": str(exc)}, name))
        return loaded
    root = composer.roots[0] if composer.roots else None
    if root is None or (root.kind == "scalar" and root.text is None):
        return loaded
    loaded.data = _Builder(loaded).build(root, ())
    if loaded.data is not None and not isinstance(loaded.data, dict):
        loaded.problems.append(Problem("yaml.not_mapping", {}, name, root.line, root.column))
    return loaded


def _compose(text: str, loader_class: Any, composer: _Composer) -> None:
    """Feed every parser event to ``composer`` (``yaml.parse`` without its generator; same events)."""
    loader = loader_class(text)
    try:
        feed = composer.feed
        for event in iter(loader.get_event, None):
            feed(event)
    finally:
        loader.dispose()


def _strip_control_characters(text: str, loaded: LoadedFile) -> str:
    """Remove XML-illegal characters (pasted from other documents) with a warning at their line.

    PyYAML itself refuses them, and Word refuses a document holding them; neither helps a user.
    """
    if not _XML_ILLEGAL_RE.search(text):
        return text
    kept: list[str] = []
    line, col = 1, 1
    for ch in text:
        if ord(ch) in _XML_ILLEGAL:
            loaded.problems.append(
                Problem(
                    "yaml.control_char", {"codepoint": f"{ord(ch):04X}"}, loaded.name, line, col, severity="warning"
                )
            )
            continue
        kept.append(ch)
        if ch == "\n":
            line, col = line + 1, 1
        else:
            col += 1
    return "".join(kept)


def load_yaml_file(path: Path, name: str | None = None) -> LoadedFile:
    """Read and parse one workspace file, refusing what is too large or not UTF-8."""
    import hashlib

    shown = name or path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return LoadedFile(
            shown, None, problems=[Problem("yaml.too_large", {"size": size, "limit": MAX_FILE_BYTES}, shown)]
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return LoadedFile(shown, None, problems=[Problem("yaml.not_utf8", {}, shown, line, column)])
    loaded = load_yaml_text(text, shown)
    loaded.sha256 = hashlib.sha256(raw).hexdigest()
    return loaded
