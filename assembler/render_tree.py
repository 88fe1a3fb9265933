"""The rendered body parsed where it belongs, instead of docxtpl's parse, table walk and move.

After Jinja, docxtpl's ``fix_tables`` parses the rendered ``<w:body>`` text on its own (lxml, recovering
parser), walks every row of every table in Python to fix the column grid after ``{%tc`` column tags,
and ``map_tree`` then moves the parsed body into python-docx's document. For a 2,000-kegiatan Smart
Logframe (7.7 MB, 333,000 elements) the walk is ~0.2 s and the move ~0.3–0.45 s: lxml re-points
every element's and attribute's namespace through a list it scans from the front, one by one.

:func:`parse_in_document` gives the same tree at lower cost, when that can be shown for the input at
hand, and ``None`` otherwise (docxtpl's own path then runs, unchanged):

- the body text is parsed *inside* a copy of the document's root start tag, so its elements are born
  in the document that will be written and nothing needs moving; the template's ``python-docx`` part
  then takes the new root (:func:`adopt`). ``map_tree`` would strip the body's namespace declarations
  (all are the root's: the body text is the serialized template body) and point every node at the
  root's; here the body is written without them and the parser points the nodes at the root's. This
  holds when the root's namespaces are one prefix per URI, no default namespace, the body has no
  attributes and no element below it declares a namespace (``map_tree`` could re-point those too);
- a strict parser is used, on the same str docxtpl parses: where it succeeds docxtpl's recovering
  parser builds the same tree (the recovery only acts on errors); where it fails, docxtpl's parser
  decides;
- ``fix_tables`` changes a table only when a row has more cells than the grid has columns, or no row
  spans all of them (its removal step). Both are asked of every table (:func:`tables_stay`, a lighter
  walk than docxtpl's: cells are counted, and only the few with a ``gridSpan`` looked into); either,
  a missing grid, or a span docxtpl's ``int`` refuses, hands the body to docxtpl's own pass.

Proof, besides the argument: every part of every document of the example and of the 2,000-kegiatan
logframe was rendered both ways and compared byte for byte (docs/dev/kinerja.md, fifth round), and
``tests/test_render.py`` keeps crafted cases (a ``{%tc`` table is still fixed, by docxtpl).
"""

from __future__ import annotations

import functools
from typing import Any

_W_BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    """A strict parser giving python-docx's element classes (its own parser also drops blank text)."""
    from docx.oxml.parser import element_class_lookup
    from lxml import etree

    parser = etree.XMLParser()
    parser.set_element_class_lookup(element_class_lookup)
    return parser


def tables_stay(body: Any, w: str) -> bool:
    """True when docxtpl's ``fix_tables`` would change no table below ``body`` (namespace URI ``w``).

    It changes a table's grid when a row (any row below it, a nested table's too) has more cells than
    the grid has columns, or when no row's cells span all of them (a cell counting ``int`` of its first
    ``tcPr``'s first ``gridSpan``, else 1). Both are asked here, cell spans with docxtpl's own ``int``;
    a span ``int`` refuses, or a table without a grid, also answers False (docxtpl then fails as before).
    """
    tbl, grid, col, tr, tc = (f"{{{w}}}{tag}" for tag in ("tbl", "tblGrid", "gridCol", "tr", "tc"))
    tc_pr, grid_span, val = f"{{{w}}}tcPr", f"{{{w}}}gridSpan", f"{{{w}}}val"
    for table in body.iter(tbl):
        tbl_grid = table.find(grid)
        if tbl_grid is None:
            return False
        columns = len(tbl_grid.findall(col))
        spans: dict[Any, int] = {}  # the few cells with a gridSpan (python-docx's proxies hash by identity)
        for span in table.iter(grid_span):
            props = span.getparent()
            cell = props.getparent()
            if props.tag == tc_pr and cell is not None and cell.find(tc_pr) is props and props.find(grid_span) is span:
                try:
                    spans[cell] = int(span.get(val))
                except (TypeError, ValueError):
                    return False
        spanned = False
        for row in table.iter(tr):
            cells = row.findall(tc)
            if len(cells) > columns:
                return False
            if not spanned:
                spanned = sum(spans.get(cell, 1) for cell in cells) >= columns
        if not spanned:
            return False
    return True


def parse_in_document(template: Any, xml: str) -> Any | None:
    """The rendered body ``xml`` parsed in a copy of the document's root, or ``None`` (see module docstring).

    Called where docxtpl calls ``fix_tables(xml)``; the result is what ``map_tree`` receives.
    """
    from lxml import etree

    root = template.docx._element
    if len(root) != 1 or root.text is not None or root[0].tag != _W_BODY or root[0].tail is not None:
        return None
    body = root[0]
    nsmap = root.nsmap
    if None in nsmap or len(set(nsmap.values())) != len(nsmap) or body.nsmap != nsmap or len(body.attrib):
        return None
    if nsmap.get("w") != _W_BODY[1:].split("}")[0] or body.prefix != "w":
        return None  # docxtpl finds its tables through the prefix "w"
    start_tag = etree.tostring(body, encoding="unicode").split(">", 1)[0] + ">"
    if start_tag.endswith("/>") or not xml.startswith(start_tag) or xml.find("xmlns", len(start_tag)) >= 0:
        return None
    whole = etree.tostring(root, encoding="unicode")
    head, tail = whole[: whole.index(">") + 1], whole[whole.rindex("</") :]
    try:  # a str, as docxtpl parses it (its UTF-8 bytes would parse ~0.05 s faster; kept as docxtpl has it)
        new_root = etree.fromstring("".join((head, "<w:body>", xml[len(start_tag) :], tail)), parser=_parser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    new_body = new_root[0]
    if not tables_stay(new_body, nsmap["w"]):
        return None
    return new_body


def _ours(body: Any) -> bool:
    """Made by :func:`parse_in_document`: a body with a parent (docxtpl's own parse gives a lone root)."""
    root = body.getparent()
    return root is not None and root.getparent() is None and len(root) == 1


def renumber_pictures(template: Any, body: Any) -> bool:
    """docxtpl's ``fix_docpr_ids`` for a body of :func:`parse_in_document` (``False``: not one of ours).

    docxtpl numbers every ``wp:docPr`` of the parsed body from 1001 on, asking with ``xpath(...,
    namespaces=...)``, which python-docx's element classes (ours carry them already) do not take; the
    same elements in the same order are found with lxml's own XPath (the root holds only the body).
    """
    if not _ours(body):
        return False
    for element in _docpr()(body):
        template.docx_ids_index += 1
        element.attrib["id"] = str(template.docx_ids_index)
    return True


@functools.lru_cache(maxsize=1)
def _docpr() -> Any:
    from docx.oxml.ns import nsmap
    from lxml import etree

    return etree.XPath("//wp:docPr", namespaces=nsmap)


def adopt(template: Any, body: Any) -> bool:
    """Where docxtpl's ``map_tree`` would move ``body`` into the document: make its root the document's.

    ``False`` when ``body`` was not made by :func:`parse_in_document` (docxtpl's own move is then due).
    """
    if not _ours(body):
        return False
    document = template.docx
    document._element = document._part._element = body.getparent()
    return True
