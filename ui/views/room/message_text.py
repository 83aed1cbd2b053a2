"""The laid-out text of timeline messages: one QTextDocument per (content, width), cached.

The delegate asks for a row's document when it sizes, paints or hit-tests the row, so a
text is laid out once per width and the same layout serves all three.

Layout is bounded (`app.core.bounded`): at most a few thousand characters and a few
hundred elements are laid out, long words get break opportunities and lines wrap
anywhere, so no message costs more than a frame on the UI thread. A document that holds
only a prefix says so (`is_cut`); the delegate then offers the whole text in a reader.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtGui import QFont, QTextDocument, QTextOption

from app.core.bounded import bounded_html, bounded_text
from app.core.formatting import limit_depth
from app.core.types import ItemKind
from ui import theme
from ui.models.timeline import TimelineRow

# Laid-out texts kept: a little more than the timeline holds at once (ui.bridge.WINDOW_ROWS,
# 250 rows). Each is ~30 KB of Qt layout: at 1 500, scrolling back 2 000 events kept ~45 MB.
MAX_DOCUMENTS = 400
_DOC_STYLE = (
    f"a {{ color: {theme.LIGHT.primary}; }} "
    "code, pre { font-family: monospace; background-color: #EEEEEE; } "
    "blockquote { color: #3A3A3A; margin-left: 8px; }"
)
# Deeper than this, each level's indent leaves no width for text: the rest is shown flat.
SHOWN_DEPTH = 12
_CUT = "tchap_cut"  # a document's property: it holds only the start of the message
_WRAP_PRE = '<pre style="white-space: pre-wrap">'  # code wraps too: nothing draws past


def is_cut(doc: QTextDocument) -> bool:
    """Whether the document holds only the start of its message (the rest was too long)."""
    return bool(doc.property(_CUT))


class MessageDocuments:
    """A bounded cache of laid-out message texts, least recently used out first."""

    def __init__(self) -> None:
        self._docs: OrderedDict[tuple, QTextDocument] = OrderedDict()

    def __len__(self) -> int:
        return len(self._docs)

    def get(self, row: TimelineRow, width: int, font: QFont) -> QTextDocument:
        """The laid-out text of a row at a given bubble text width (cached)."""
        item = row.item
        key = (item.key, item.html, row.text, item.kind, width, font.key())
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(_DOC_STYLE)
        doc_font = QFont(font)
        if item.kind in (ItemKind.UNDECRYPTABLE, ItemKind.REDACTED, ItemKind.UNKNOWN):
            doc_font.setItalic(True)
        doc.setDefaultFont(doc_font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        if item.html and item.kind is ItemKind.TEXT:
            shown, cut = bounded_html(limit_depth(item.html, SHOWN_DEPTH))
            doc.setHtml(shown.replace("<pre>", _WRAP_PRE))
        else:
            shown, cut = bounded_text(row.text)
            doc.setPlainText(shown)
        doc.setProperty(_CUT, cut)
        doc.setTextWidth(width)
        self._docs[key] = doc
        if len(self._docs) > MAX_DOCUMENTS:
            self._docs.popitem(last=False)
        return doc
