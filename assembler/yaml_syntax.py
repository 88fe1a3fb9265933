"""PyYAML's syntax errors as siap problems: the English text kept for --lang en, an Indonesian one when known.

Kept apart from the loader: it is a table of translations, not loading logic.
"""

from __future__ import annotations

import yaml

from assembler.errors import Problem
from assembler.messages import register

_PROBLEM_ID = {
    "mapping values are not allowed here": "nilai pemetaan tidak boleh di sini (periksa tanda ':' dan indentasi)",
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "did not find expected key": "kunci yang diharapkan tidak ditemukan (periksa indentasi)",
    "did not find expected '-' indicator": "tanda '-' untuk butir daftar tidak ditemukan (periksa indentasi)",
    "did not find expected node content": "nilai yang diharapkan tidak ditemukan",
    "did not find expected comment or line break": "setelah nilai ini diharapkan komentar atau baris baru",
    "did not find expected": "tanda yang diharapkan tidak ditemukan (periksa tanda kutip, kurung dan indentasi)",
    "found undefined alias": "alias tidak dikenal",
    "found unexpected end of stream": "berkas berakhir sebelum waktunya (tanda kutip belum ditutup?)",
    "found unknown escape character": "karakter escape tidak dikenal dalam teks bertanda kutip ganda",
    "expected <block end>, but found '<block mapping start>'": "indentasi tidak konsisten",
    "expected <block end>, but found '-'": "butir daftar '-' pada indentasi yang salah",
    "expected <block end>": "indentasi tidak konsisten: baris ini tidak sejajar dengan baris di atasnya",
    "found character": (
        "karakter yang tidak dapat mengawali nilai (misalnya '@' atau '`'); beri tanda kutip pada teksnya"
    ),
    "expected ',' or '}'": "di dalam kurung kurawal {…} diharapkan ',' atau '}' (koma terlupa?)",
    "expected ',' or ']'": "di dalam kurung siku […] diharapkan ',' atau ']' (koma terlupa?)",
    "sequence entries are not allowed here": "butir daftar '-' tidak boleh di sini (periksa indentasi)",
    "block sequence entries are not allowed": "butir daftar '-' tidak boleh di sini (periksa indentasi)",
    "mapping keys are not allowed here": "tanda kunci '?' tidak boleh di sini",
    "expected the node content": "nilai yang diharapkan tidak ditemukan",
    "expected '<document start>'": "setelah akhir dokumen diharapkan '---'",
    "found unexpected document separator": "pemisah dokumen '---' atau '...' tidak boleh di sini",
    "found undefined tag handle": "awalan tanda tipe '!' tidak dikenal",
    "found non-specific tag": "tanda tipe '!' tanpa nama tidak boleh di sini",
    "expected alphabetic or numeric character": "nama anchor '&' atau alias '*' harus berupa huruf atau angka",
    "expected a comment or a line break": "setelah nilai ini diharapkan komentar atau baris baru",
    "expected chomping or indentation indicators": "penanda teks blok '|' atau '>' tidak sah",
    "expected indentation indicator": "penanda teks blok '|' atau '>' tidak sah",
    "expected URI": "tanda tipe '!' tidak sah",
    "expected '!'": "tanda tipe '!' tidak sah",
    "expected '>'": "tanda tipe '!<…>' tidak sah",
    "expected ' '": "setelah direktif atau tanda tipe diharapkan spasi",
    "expected escape sequence": "kode escape heksadesimal tidak lengkap dalam teks bertanda kutip ganda",
    "expected URI escape sequence": "kode %-escape dalam tanda tipe tidak lengkap",
    "found duplicate YAML directive": "direktif %YAML ditulis dua kali",
    "found duplicate tag handle": "awalan tanda tipe ditulis dua kali",
    "found incompatible YAML document": "versi YAML tidak didukung (hapus baris %YAML)",
    "expected a digit": "direktif %YAML tidak sah (hapus baris %YAML)",
    "invalid indentation or unclosed": "indentasi tidak sah, atau '[' / '{' belum ditutup",
    "special characters are not allowed": "karakter khusus tidak diperbolehkan",
    "unacceptable character": "karakter yang tidak sah dalam berkas teks",
    "found duplicate anchor": "anchor '&' yang sama ditulis dua kali",
    "found unexpected ':'": "tanda ':' tidak boleh di sini (beri tanda kutip pada teks yang memuatnya)",
}


def syntax_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    """One problem at the error's line and column (a tab gets its own message)."""
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
