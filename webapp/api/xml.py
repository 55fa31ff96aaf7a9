"""GeoReport v2's XML: the JSON shapes written as elements, lists as repeated children.

A list under a plural name holds elements named in the singular, as the standard's own
examples do: ``attributes`` → ``attribute``, ``values`` → ``value``, ``endpoints`` →
``endpoint``, ``formats`` → ``format``.
"""

from __future__ import annotations

from xml.etree import ElementTree

FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


def _text(value) -> str:
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _fill(node: ElementTree.Element, value) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _fill(ElementTree.SubElement(node, key), inner)
    elif isinstance(value, list):
        singular = node.tag[:-1] if node.tag.endswith("s") else "item"
        for inner in value:
            _fill(ElementTree.SubElement(node, singular), inner)
    else:
        node.text = _text(value)


def to_xml(root: str, item: str, body) -> bytes:
    """``body`` as XML under ``root``: a list becomes one ``item`` element per row."""
    top = ElementTree.Element(root)
    rows = body if isinstance(body, list) else None
    if rows is None:
        _fill(top, body)
    else:
        for row in rows:
            _fill(ElementTree.SubElement(top, item), row)
    return b'<?xml version="1.0" encoding="utf-8"?>' + ElementTree.tostring(top, "utf-8")
