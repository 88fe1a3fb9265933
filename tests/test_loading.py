"""The YAML loader: positions, duplicate keys, hostile input; messages word for word."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assembler.loading import MAX_FILE_BYTES, load_yaml_file, load_yaml_text
from assembler.validate import validate_workspace
from tests.conftest import replace_in


def rendered(text: str, lang: str = "id") -> list[str]:
    return [p.render(lang) for p in load_yaml_text(text, "x.yaml").problems]


def test_values_keep_line_and_column_and_the_text_as_written() -> None:
    loaded = load_yaml_text("a: 1\nb:\n  - nama: Sari\n    tanggal: 2026-03-05\n", "x.yaml")
    assert loaded.data == {"a": "1", "b": [{"nama": "Sari", "tanggal": "2026-03-05"}]}
    assert loaded.positions[("a",)] == (1, 4)
    assert loaded.positions[("b", 0, "nama")] == (3, 11)
    assert loaded.positions[("b", 0, "tanggal")] == (4, 14)
    assert loaded.key_positions[("b", 0, "tanggal")] == (4, 5)


def test_position_falls_back_to_nearest_parent() -> None:
    loaded = load_yaml_text("a:\n  b: 1\n", "x.yaml")
    assert loaded.position(("a", "missing")) == (2, 3)


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    assert rendered("nama: A\numur: 3\nnama: B\n") == [
        "x.yaml:3:1: kunci 'nama' ditulis dua kali (pertama di baris 1); hapus salah satunya"
    ]
    assert rendered("nama: A\nnama: B\n", "en") == [
        "x.yaml:2:1: key 'nama' is written twice (first at line 1); remove one of them"
    ]


def test_syntax_error_names_line_and_column() -> None:
    assert rendered("a: b: c\n") == [
        "x.yaml:1:5: sintaks YAML tidak valid: nilai pemetaan tidak boleh di sini (periksa tanda ':' dan indentasi)"
    ]
    assert rendered("a: b: c\n", "en") == ["x.yaml:1:5: invalid YAML syntax: mapping values are not allowed here"]


def test_tab_indentation_has_its_own_message() -> None:
    assert rendered("a:\n\t- b\n") == [
        "x.yaml:2:1: karakter tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi"
    ]


def test_control_characters_are_removed_with_a_warning_at_their_line() -> None:
    loaded = load_yaml_text("a: 1\nb: 'ab\x0bcd'\n", "x.yaml")
    assert loaded.data == {"a": "1", "b": "abcd"}
    assert [p.render() for p in loaded.problems] == [
        "x.yaml:2:7: peringatan: karakter kendali tak terlihat (U+000B) dihapus dari teks"
    ]
    assert loaded.ok


def test_escaped_control_character_inside_quotes_is_removed_too() -> None:
    loaded = load_yaml_text('b: "ab\\x07cd"\n', "x.yaml")
    assert loaded.data == {"b": "abcd"}
    assert loaded.problems[0].code == "yaml.control_char"


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    problems = rendered("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    assert problems == ["x.yaml: berkas menghasilkan lebih dari 250000 nilai (alias YAML yang berlipat?); ditolak"]


def test_empty_and_comment_only_files_are_not_filled_in() -> None:
    loaded = load_yaml_text("# hanya komentar\n", "x.yaml")
    assert loaded.is_empty and loaded.ok


def test_top_level_must_be_a_mapping() -> None:
    assert rendered("- a\n- b\n") == ["x.yaml:1:1: isi berkas harus berupa pasangan kunci: nilai di tingkat teratas"]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufeffa: 1\r\nb: dua\r\n".encode())
    loaded = load_yaml_file(path)
    assert loaded.data == {"a": "1", "b": "dua"} and loaded.ok


def test_non_utf8_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    assert [p.render() for p in load_yaml_file(path).problems] == [
        "x.yaml:2:7: berkas bukan teks UTF-8 (karakter tidak sah di sini); simpan ulang dengan pengodean UTF-8"
    ]


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: '" + b"x" * (MAX_FILE_BYTES + 10) + b"'\n")
    (problem,) = load_yaml_file(path).problems
    assert problem.code == "yaml.too_large"


def test_multiple_documents_are_refused() -> None:
    assert rendered("a: 1\n---\nb: 2\n") == [
        "x.yaml:3:1: berkas berisi lebih dari satu dokumen YAML ('---'); satukan menjadi satu"
    ]


def test_a_pasted_text_longer_than_the_limit_is_an_error_at_its_line() -> None:
    from assembler.loading import MAX_STRING

    assert rendered("a: 1\nb: " + "x" * (MAX_STRING + 1) + "\n") == [
        f"x.yaml:2:4: teks terlalu panjang ({MAX_STRING + 1} karakter; paling banyak {MAX_STRING})"
    ]


def test_scalars_stay_the_text_written_and_only_plain_null_is_none() -> None:
    loaded = load_yaml_text("a: 031450\nb: yes\nc: 1:30:00\nd: ~\ne: '~'\nf:\ng: !!str 5\nh: 45.000\n", "x.yaml")
    assert loaded.data == {
        "a": "031450",
        "b": "yes",
        "c": "1:30:00",
        "d": None,
        "e": "~",
        "f": None,
        "g": "5",
        "h": "45.000",
    }


def test_plain_and_quoted_keys_of_the_same_text_are_one_key() -> None:
    assert rendered("2026: 1\n'2026': 2\n") == [
        "x.yaml:2:1: kunci '2026' ditulis dua kali (pertama di baris 1); hapus salah satunya"
    ]


def test_aliases_that_refer_to_themselves_or_to_nothing_are_errors_at_their_line() -> None:
    assert rendered("a: &a [1, *a]\n") == [
        "x.yaml:1:11: alias '*a' merujuk ke nilai yang sedang didefinisikannya sendiri; hapus alias itu"
    ]
    assert rendered("a: *b\n", "en") == ["x.yaml:1:4: alias '*b' is unknown: there is no '&b' before it"]
    assert load_yaml_text("a: &a {b: 1}\nc: *a\n", "x.yaml").data == {"a": {"b": "1"}, "c": {"b": "1"}}


def test_a_chain_of_aliases_deeper_than_the_limit_is_refused_without_recursion() -> None:
    text = "".join(f"k{i}: &a{i} [" + (f"*a{i - 1}" if i else "1") + "]\n" for i in range(5000))
    start = time.perf_counter()
    assert rendered(text) == [
        "x.yaml:40:16: susunan bertingkat terlalu dalam (lebih dari 40 tingkat); periksa indentasi dan alias"
    ]
    assert time.perf_counter() - start < 1.0


def test_ten_thousand_nested_brackets_are_refused_at_their_line() -> None:
    assert rendered("a: " + "[" * 10000 + "]" * 10000 + "\n") == [
        "x.yaml:1:43: susunan bertingkat terlalu dalam (lebih dari 40 tingkat); periksa indentasi dan alias"
    ]


def test_tags_must_fit_their_text_and_only_plain_tags_are_known() -> None:
    assert rendered("a: !!int abc\n") == [
        "x.yaml:1:4: nilai 'abc' tidak sesuai dengan tanda tipe '!!int'; hapus tanda itu atau perbaiki nilainya"
    ]
    assert rendered("a: !!binary aGk=\n") == [
        "x.yaml:1:4: tanda tipe YAML '!!binary' tidak dipakai di siap; hapus tanda itu"
    ]
    assert rendered("a: !!map {b: 1}\nc: !!int 5\nd: !!bool yes\n") == []


def test_tag_and_alias_mistakes_are_all_reported_together() -> None:
    assert rendered("a: !!int abc\nb: !foo x\nc: *z\na: 2\n") == [
        "x.yaml:1:4: nilai 'abc' tidak sesuai dengan tanda tipe '!!int'; hapus tanda itu atau perbaiki nilainya",
        "x.yaml:2:4: tanda tipe YAML '!foo' tidak dipakai di siap; hapus tanda itu",
        "x.yaml:3:4: alias '*z' tidak dikenal: tidak ada '&z' sebelumnya",
        "x.yaml:4:1: kunci 'a' ditulis dua kali (pertama di baris 1); hapus salah satunya",
    ]


# --- YAML 1.1 merge keys (<<: *anchor): a row copied with a few changes ------------------------------

ROWS = """\
jadwal:
  - &rapat
    tempat: Aula
    jam_mulai: "09.00"
    topik: "1.1"
  - <<: *rapat
    topik: "1.2"
"""


def test_a_merge_key_copies_a_row_and_the_row_own_keys_win() -> None:
    loaded = load_yaml_text(ROWS, "x.yaml")
    assert loaded.problems == []
    assert loaded.data == {
        "jadwal": [
            {"tempat": "Aula", "jam_mulai": "09.00", "topik": "1.1"},
            {"tempat": "Aula", "jam_mulai": "09.00", "topik": "1.2"},
        ]
    }
    # The copied row reads as the row it copies: the anchor's key order, its own keys in place.
    assert list(loaded.data["jadwal"][1]) == ["tempat", "jam_mulai", "topik"]


def test_a_merged_value_is_placed_at_the_anchor_line() -> None:
    loaded = load_yaml_text(ROWS, "x.yaml")
    assert loaded.positions[("jadwal", 1, "jam_mulai")] == (4, 16)
    assert loaded.key_positions[("jadwal", 1, "jam_mulai")] == (4, 5)
    assert loaded.positions[("jadwal", 1, "topik")] == (7, 12)
    assert loaded.positions[("jadwal", 1)] == (6, 5)


@pytest.mark.parametrize(
    "text",
    [
        # the mapping's own key wins, written before or after the merge key
        "a: &a {k: 1, l: 2}\nb: {k: 3, <<: *a}\n",
        "a: &a {k: 1, l: 2}\nb: {<<: *a, k: 3}\n",
        # a list of mappings: an earlier one wins over a later one
        "a: &a {k: 1}\nb: &b {k: 2, l: 2}\nc: {<<: [*a, *b]}\nd: {<<: [*b, *a]}\n",
        # a merged mapping that merges itself, an inline mapping, a list with one mapping
        "a: &a {k: 1}\nb: &b {<<: *a, l: 2}\nc: {<<: *b, m: 3}\nd: {<<: {k: 4}}\ne: {<<: [*b], k: 5}\n",
        # in a block sequence, with nested values shared (a merge is shallow)
        "a: &a\n  k: {x: 1}\n  l: [1, 2]\nb:\n  - <<: *a\n    l: []\n",
        # quoted, '<<' is an ordinary key (YAML 1.1 resolves only the plain scalar as a merge)
        "a: &a {k: 1}\nb: {'<<': *a}\n",
        # the explicit tag
        "a: &a {k: 1}\nb: {!!merge <<: *a}\n",
    ],
)
def test_merge_keys_mean_what_yaml_1_1_says(text: str) -> None:
    """Compared with PyYAML's own YAML 1.1 loader (every scalar is text in siap; the shapes must agree)."""
    import yaml

    def as_text(value: object) -> object:
        if isinstance(value, dict):
            return {str(k): as_text(v) for k, v in value.items()}
        if isinstance(value, list):
            return [as_text(v) for v in value]
        return str(value)

    loaded = load_yaml_text(text, "x.yaml")
    assert loaded.problems == []
    assert loaded.data == as_text(yaml.safe_load(text))


def test_a_merge_key_that_names_no_mapping_is_refused_at_its_line() -> None:
    text = "a: &a {k: 1}\nb: &t teks\nc:\n  <<: *t\nd:\n  <<: [*a, 5]\n"
    assert rendered(text) == [
        "x.yaml:2:4: kunci gabungan '<<' hanya dapat menggabungkan pemetaan (kunci: nilai), misalnya "
        "'<<: *baris' atau '<<: [*baris, *lain]' dengan '&baris' di depan sebuah butir; ini bukan pemetaan",
        "x.yaml:6:12: kunci gabungan '<<' hanya dapat menggabungkan pemetaan (kunci: nilai), misalnya "
        "'<<: *baris' atau '<<: [*baris, *lain]' dengan '&baris' di depan sebuah butir; ini bukan pemetaan",
    ]
    assert rendered("a: {<<: 5}\n", "en") == [
        "x.yaml:1:9: the merge key '<<' can only merge mappings (key: value), for example '<<: *row' or "
        "'<<: [*row, *other]' with '&row' before an item; this is not a mapping"
    ]


def test_a_merge_of_an_unknown_anchor_is_one_message() -> None:
    assert rendered("a:\n  <<: *tidak_ada\n  k: 1\n") == [
        "x.yaml:2:7: alias '*tidak_ada' tidak dikenal: tidak ada '&tidak_ada' sebelumnya"
    ]


def test_two_merge_keys_are_a_duplicate_key() -> None:
    assert rendered("a: &a {k: 1}\nb:\n  <<: *a\n  <<: *a\n") == [
        "x.yaml:4:3: kunci '<<' ditulis dua kali (pertama di baris 3); hapus salah satunya"
    ]


def test_a_problem_inside_a_merged_mapping_is_reported_once() -> None:
    text = "a: &a\n  k: 1\n  k: 2\nb: {<<: *a}\nc: {<<: *a}\nd: {<<: {x: 1, x: 2}}\n"
    assert rendered(text) == [
        "x.yaml:3:3: kunci 'k' ditulis dua kali (pertama di baris 2); hapus salah satunya",
        "x.yaml:6:16: kunci 'x' ditulis dua kali (pertama di baris 6); hapus salah satunya",
    ]


def test_a_topic_with_merged_rows_checks_and_a_wrong_merged_value_names_the_anchor_line(contoh: Path) -> None:
    """The user's case: 1.2's meetings in the same room at the same hours, written once."""
    path = contoh / "1.2-kalender-kerja.yaml"
    before = validate_workspace(contoh).topics["1.2"].model
    replace_in(path, '  - topik: "1.1"\n', '  - &setda\n    topik: "1.1"\n')
    replace_in(
        path,
        '  - topik: "1.2"\n    tanggal: 2026-02-10\n    jam_mulai: "09.00"\n    jam_selesai: "12.30"\n'
        "    tempat: Ruang Rapat Sekretariat Daerah Kabupaten Lembah Sari\n",
        '  - <<: *setda\n    topik: "1.2"\n    tanggal: 2026-02-10\n    jam_selesai: "12.30"\n',
    )
    result = validate_workspace(contoh)
    assert [p.render() for p in result.problems if not p.code.startswith("konsistensi.")] == []
    assert before is not None
    assert result.topics["1.2"].model == before
    replace_in(path, 'jam_mulai: "09.00"', "jam_mulai: 25.00")
    assert [p.render() for p in validate_workspace(contoh).problems if not p.code.startswith("konsistensi.")] == [
        "1.2-kalender-kerja.yaml:23:16: jadwal[0].jam_mulai: jam 25.00 tidak ada: jam ditulis 00.00 sampai 23.59",
        "1.2-kalender-kerja.yaml:23:16: jadwal[1].jam_mulai: jam 25.00 tidak ada: jam ditulis 00.00 sampai 23.59",
    ]
