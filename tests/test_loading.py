"""The YAML loader: positions, duplicate keys, hostile input; messages word for word."""

from __future__ import annotations

import time
from pathlib import Path

from assembler.loading import MAX_FILE_BYTES, load_yaml_file, load_yaml_text


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
