"""Draws one PDF for ``pdfdoc.render`` in a process of its own: (title, items, font places)
pickled on stdin by the parent, the PDF's bytes on stdout (or, with status ``MISSING``,
what to install)."""

import pickle
import sys

from models.files.pdfdoc import MISSING, FontMissing, draw


def main() -> None:
    title, items, known, folders = pickle.load(sys.stdin.buffer)  # noqa: S301 - our parent's
    try:
        sys.stdout.buffer.write(draw(title, items, known, folders))
    except FontMissing as missing:
        sys.stdout.buffer.write(str(missing).encode("utf-8"))
        sys.exit(MISSING)


if __name__ == "__main__":
    main()
