"""Pages of a staff list: counted and cut in SQL, in a stable order, at a size staff choose.

A list never loads more rows than one page shows, whatever the city's size: the total is
one ``count(*)`` and the page one ``LIMIT``/``OFFSET`` over an order that ends in the
primary key, so the same row never shows on two pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from sqlalchemy import func
from sqlmodel import Session, select

PAGE_SIZES = (20, 50, 100)
DEFAULT_SIZE = PAGE_SIZES[0]
# Far pages are rare and OFFSET gets slower the further it goes: stop at a page nobody reads.
MAX_PAGE = 1000


@dataclass(frozen=True)
class PageRequest:
    """Which page, and how many rows on it (always one of PAGE_SIZES)."""

    number: int = 1
    size: int = DEFAULT_SIZE

    @classmethod
    def from_args(cls, args) -> PageRequest:
        """``page`` and ``size`` from a query string; anything odd falls back to the first page."""
        number = _whole(args.get("page"), 1)
        size = _whole(args.get("size"), DEFAULT_SIZE)
        return cls(min(max(number, 1), MAX_PAGE), size if size in PAGE_SIZES else DEFAULT_SIZE)


def _whole(value, default: int) -> int:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) < 7 else default


@dataclass(frozen=True)
class Page:
    """One page of rows, and enough about the whole list to draw a pager."""

    items: list
    number: int
    size: int
    total: int
    # Where the next page starts, for a list that can say so (the public board): the
    # "下一页" link carries it, so a far page is found without walking the ones before.
    after: str | None = None

    @property
    def pages(self) -> int:
        return max(1, min(ceil(self.total / self.size), MAX_PAGE))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]


def count(session: Session, query) -> int:
    """``count(*)`` of what a list query selects, without its ordering."""
    counted = select(func.count()).select_from(query.order_by(None).subquery())
    return session.exec(counted).one()


def page(session: Session, query, wanted: PageRequest, total: int | None = None) -> Page:
    """The rows of one page; ``query`` must be ordered, ending in a unique column.

    A query of one table goes in two steps: the page's ids first, which the list's covering
    index answers without reading the table, then just those rows, so filtering and sorting
    thousands of candidates never touches more than the page's own rows. A query of columns
    (a join read as plain rows) is cut directly.
    """
    total = count(session, query) if total is None else total
    number = min(wanted.number, max(1, ceil(total / wanted.size)))
    offset = (number - 1) * wanted.size
    table = _single_table(query)
    if table is None:
        rows = list(session.exec(query.limit(wanted.size).offset(offset)))
        return Page(items=rows, number=number, size=wanted.size, total=total)
    ids = list(session.exec(query.with_only_columns(table.id).limit(wanted.size)
                            .offset(offset)))
    found = {row.id: row for row in session.exec(select(table).where(table.id.in_(ids)))}
    return Page(items=[found[i] for i in ids if i in found], number=number, size=wanted.size,
                total=total)


def _single_table(query):
    """The table a query selects whole, or None when it selects columns."""
    described = query.column_descriptions
    if len(described) == 1 and described[0]["expr"] is described[0]["entity"]:
        return described[0]["entity"]
    return None
