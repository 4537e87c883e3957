"""HTML to text: main content via trafilatura (offline), falling back to tag stripping."""

from __future__ import annotations

import html as html_lib
import re

_TAG = re.compile(r"<[^>]*(?:>|$)")  # an unclosed tag at the end is markup too
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|br|tr|section|article)\s*>|<br\s*/?>", re.I)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return (text, title); paragraphs are separated by blank lines."""
    import trafilatura

    title_match = _TITLE.search(markup)
    title = html_lib.unescape(title_match.group(1)).strip() if title_match else None
    extracted = trafilatura.extract(markup, include_comments=False, favor_recall=True)
    if extracted and extracted.strip():
        return extracted.replace("\n", "\n\n"), title or None
    text = _SCRIPT.sub(" ", markup)
    text = _BLOCK_END.sub("\n\n", text)
    text = html_lib.unescape(_TAG.sub(" ", text))
    text = "\n\n".join(re.sub(r"[ \t]+", " ", p).strip() for p in text.split("\n\n") if p.strip())
    return text, title or None
