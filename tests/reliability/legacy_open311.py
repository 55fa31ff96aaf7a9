"""The `open311` 1.1 client from PyPI, loadable on Python 3.

It is Python 2 code: its modules import each other by bare names (``from api import API``),
its XML reader calls ``Element.getchildren()`` (gone since Python 3.9) and its POST hands
``urlopen`` a str body. ``load()`` runs the package's own files under the names they expect
and bridges only those three differences; the URLs it builds, the parameters it sends and
the way it reads the answers are the package's own.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path
from urllib import request
from xml.etree import ElementTree

NAMES = ("object_dict", "xml2dict", "xml2dict.xml2dict", "api", "api.api", "legacy_open311_client")


class _Element(ElementTree.Element):
    def getchildren(self) -> list:
        return list(self)


def _fromstring(text) -> ElementTree.Element:
    builder = ElementTree.TreeBuilder(element_factory=_Element)
    return ElementTree.XML(text, parser=ElementTree.XMLParser(target=builder))


def _run(name: str, path: Path, package: list[str] | None = None) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path,
                                                  submodule_search_locations=package)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _urlopen(url, data=None):
    return request.urlopen(url, data.encode() if isinstance(data, str) else data)  # noqa: S310


def load():
    """The package's ``Open311`` class; ``unload()`` removes the bare names again."""
    root = Path(importlib.util.find_spec("open311").submodule_search_locations[0])
    folder = root / "api" / "xml2dict"
    _run("object_dict", folder / "object_dict.py")
    _run("xml2dict", folder / "__init__.py", [str(folder)])
    sys.modules["xml2dict.xml2dict"].ET = types.SimpleNamespace(fromstring=_fromstring)
    api = types.ModuleType("api")
    api.__path__ = [str(root / "api")]
    sys.modules["api"] = api
    inner = _run("api.api", root / "api" / "api.py")
    api.API, api.urlopen, api.urlencode = inner.API, _urlopen, inner.urlencode
    inner.urlopen = _urlopen
    client = _run("legacy_open311_client", root / "open311.py")
    client.urlopen = _urlopen
    return client.Open311


def unload() -> None:
    for name in NAMES:
        sys.modules.pop(name, None)
