"""Load a YAML file into plain Python values while remembering where every value was written.

PyYAML's composer gives us nodes with marks; we build the values ourselves so that each key and
value keeps its line and column, duplicate keys are caught (PyYAML silently keeps the last one),
and aliases cannot expand without bound. Only the safe constructor is ever used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assembler.errors import Problem
from assembler.messages import register

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

register(
    {
        "yaml.syntax": ("sintaks YAML tidak valid: {problem}", "invalid YAML syntax: {problem}"),
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
        "yaml.special_float": (
            "nilai '{value}' bukan angka yang dapat dipakai",
            "value '{value}' is not a usable number",
        ),
        "yaml.multiple_documents": (
            "berkas berisi lebih dari satu dokumen YAML ('---'); satukan menjadi satu",
            "the file holds more than one YAML document ('---'); merge them into one",
        ),
    }
)

# Characters that XML 1.0 forbids; Word refuses a document that contains them.
_XML_ILLEGAL = {c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0xFFFE, 0xFFFF}


@dataclass
class LoadedFile:
    """A parsed YAML file: its data (None when empty) and where each value and key sits."""

    name: str
    data: Any
    positions: dict[Loc, Position] = field(default_factory=dict)
    key_positions: dict[Loc, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sha256: str = ""
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

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        """The nearest known position of ``loc``: the value itself, else its closest parent."""
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
        probe = loc
        while self.cells:
            if probe in self.cells:
                return self.cells[probe]
            if not probe:
                return None
            probe = probe[:-1]
        return None


def load_input_file(path: Path) -> LoadedFile:
    """Load a workspace file of either form: YAML, or an Excel workbook (``assembler.excel``)."""
    if path.suffix.lower() == ".xlsx":
        from assembler.excel.reader import load_xlsx_file

        return load_xlsx_file(path)
    return load_yaml_file(path)


class _Builder:
    """Turns composed nodes into values, recording marks; alias expansion is counted."""

    def __init__(self, loaded: LoadedFile) -> None:
        self.loaded = loaded
        self.constructor = SafeConstructor()
        self.count = 0

    def problem(self, node: Node, code: str, severity: str = "error", **params: Any) -> None:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        self.loaded.problems.append(
            Problem(code, params, self.loaded.name, line, col, severity=severity)  # type: ignore[arg-type]
        )

    def build(self, node: Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooManyError()
        self.loaded.positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, ScalarNode):
            return self.scalar(node, loc)
        if isinstance(node, SequenceNode):
            return [self.build(child, (*loc, i)) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self.mapping(node, loc)
        return None  # pragma: no cover - PyYAML has no other node kinds

    def scalar(self, node: ScalarNode, loc: Loc) -> Any:
        value = self.constructor.construct_object(node, deep=True)
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            self.problem(node, "yaml.special_float", value=node.value)
            return None
        if isinstance(value, str):
            value = self.clean(node, value)
        return value

    def clean(self, node: ScalarNode, text: str) -> str:
        if len(text) > MAX_STRING:
            self.problem(node, "yaml.string_too_long", length=len(text), limit=MAX_STRING)
            return text[:MAX_STRING]
        bad = sorted({ord(ch) for ch in text if ord(ch) in _XML_ILLEGAL})
        if bad:
            for codepoint in bad:
                self.problem(node, "yaml.control_char", severity="warning", codepoint=f"{codepoint:04X}")
            text = "".join(ch for ch in text if ord(ch) not in _XML_ILLEGAL)
        return text

    def mapping(self, node: MappingNode, loc: Loc) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, "yaml.complex_key")
                continue
            key = self.constructor.construct_object(key_node, deep=True)
            if isinstance(key, str):
                key = self.clean(key_node, key)
            elif not isinstance(key, (int, bool)) and key is not None:
                key = str(key_node.value)
            if key in first_seen:
                self.problem(key_node, "yaml.duplicate_key", key=key_node.value, first_line=first_seen[key])
                continue
            first_seen[key] = key_node.start_mark.line + 1
            child = (*loc, key)
            self.loaded.key_positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result


class _TooManyError(Exception):
    """Raised inside the builder to abandon a document that expands without bound."""


def load_yaml_text(text: str, name: str) -> LoadedFile:
    """Parse YAML text; problems are collected on the result, never raised."""
    loaded = LoadedFile(name=name, data=None)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = _strip_control_characters(text, loaded)
    try:
        nodes = list(yaml.compose_all(text, Loader=_FAST_LOADER))
    except yaml.YAMLError:
        nodes = None
    try:
        # Errors are rare; the pure-Python parser words them the way our translations expect.
        if nodes is None:
            nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        loaded.problems.append(_syntax_problem(exc, name))
        return loaded
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        loaded.problems.append(Problem("yaml.syntax", {"problem": str(exc)}, name))
        return loaded
    nodes = [n for n in nodes if n is not None]
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        loaded.problems.append(Problem("yaml.multiple_documents", {}, name, mark.line + 1, mark.column + 1))
        return loaded
    if not nodes:
        return loaded
    builder = _Builder(loaded)
    try:
        if _expanded_size(nodes[0], {}) > MAX_VALUES:
            raise _TooManyError()
        loaded.data = builder.build(nodes[0], ())
    except _TooManyError:
        loaded.data = None
        loaded.problems.append(Problem("yaml.too_many_values", {"limit": MAX_VALUES}, name))
        return loaded
    except yaml.constructor.ConstructorError as exc:
        loaded.data = None
        loaded.problems.append(_syntax_problem(exc, name))
        return loaded
    if loaded.data is not None and not isinstance(loaded.data, dict):
        line, col = nodes[0].start_mark.line + 1, nodes[0].start_mark.column + 1
        loaded.problems.append(Problem("yaml.not_mapping", {}, name, line, col))
    return loaded


def _expanded_size(node: Node, memo: dict[int, int]) -> int:
    """Values the node yields once aliases are expanded, computed on the shared graph in linear time."""
    known = memo.get(id(node))
    if known is not None:
        return known
    memo[id(node)] = 1  # a recursive alias counts once instead of looping
    total = 1
    if isinstance(node, SequenceNode):
        for child in node.value:
            total += _expanded_size(child, memo)
            if total > MAX_VALUES:
                break
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            total += _expanded_size(key_node, memo) + _expanded_size(value_node, memo)
            if total > MAX_VALUES:
                break
    memo[id(node)] = total
    return total


def _strip_control_characters(text: str, loaded: LoadedFile) -> str:
    """Remove XML-illegal characters (pasted from other documents) with a warning at their line.

    PyYAML itself refuses them, and Word refuses a document holding them; neither helps a user.
    """
    if not any(ord(ch) in _XML_ILLEGAL for ch in text):
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


_PROBLEM_ID = {
    "mapping values are not allowed here": "nilai pemetaan tidak boleh di sini (periksa tanda ':' dan indentasi)",
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "did not find expected key": "kunci yang diharapkan tidak ditemukan (periksa indentasi)",
    "did not find expected '-' indicator": "tanda '-' untuk butir daftar tidak ditemukan (periksa indentasi)",
    "found undefined alias": "alias tidak dikenal",
    "found unexpected end of stream": "berkas berakhir sebelum waktunya (tanda kutip belum ditutup?)",
    "found unknown escape character": "karakter escape tidak dikenal dalam teks bertanda kutip ganda",
    "expected <block end>, but found '<block mapping start>'": "indentasi tidak konsisten",
    "expected <block end>, but found '-'": "butir daftar '-' pada indentasi yang salah",
    "found character that cannot start any token": "karakter yang tidak dapat mengawali nilai",
    "expected ',' or '}'": "di dalam kurung kurawal {…} diharapkan ',' atau '}' (koma terlupa?)",
    "expected ',' or ']'": "di dalam kurung siku […] diharapkan ',' atau ']' (koma terlupa?)",
}


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    problem = (exc.problem or str(exc)).strip()
    if "'\\t'" in problem:
        return Problem("yaml.tab", {}, name, line, col)
    # The English text of PyYAML is kept in --lang en; Indonesian users get a translation when known.
    translated = next((v for k, v in _PROBLEM_ID.items() if problem.startswith(k)), None)
    params = {"problem": problem}
    if translated:
        return Problem("yaml.syntax.known", {"problem": problem, "problem_id": translated}, name, line, col)
    return Problem("yaml.syntax", params, name, line, col)


register(
    {
        "yaml.syntax.known": ("sintaks YAML tidak valid: {problem_id}", "invalid YAML syntax: {problem}"),
    }
)
