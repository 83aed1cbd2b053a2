"""Markdown out, sanitised HTML in."""

import pytest

from app.core.formatting import markdown_to_html, message_content, plain_preview, sanitize_html


def test_plain_text_has_no_formatted_body():
    assert message_content("bonjour\nà tous") == {"msgtype": "m.text", "body": "bonjour\nà tous"}
    assert markdown_to_html("a & b < c") is None


def test_markdown_goes_out_as_html():
    content = message_content("**important** et `code`")
    assert content["format"] == "org.matrix.custom.html"
    assert content["formatted_body"] == "<strong>important</strong> et <code>code</code>"
    assert content["body"] == "**important** et `code`"


def test_typed_html_is_escaped_not_sent_as_markup():
    html = markdown_to_html("**x** <img src=x onerror=alert(1)>")
    assert "<img" not in html and "&lt;img" in html


@pytest.mark.parametrize(
    ("hostile", "forbidden"),
    [
        ("<script>alert(1)</script>ok", "script"),
        ('<img src="https://tracker.example/p.png">', "img"),
        ('<a href="javascript:alert(1)">x</a>', "javascript"),
        ('<p onclick="x()">x</p>', "onclick"),
        ('<p style="position:fixed">x</p>', "style"),
        ("<iframe src=https://x></iframe>", "iframe"),
        ('<font color="red;background:url(x)">x</font>', "url("),
        ("<svg><script>x</script></svg>", "svg"),
    ],
)
def test_hostile_html_is_neutralised(hostile, forbidden):
    assert forbidden not in sanitize_html(hostile)


def test_allowed_markup_and_safe_links_survive():
    out = sanitize_html(
        '<a href="https://tchap.gouv.fr">Tchap</a> <em>x</em> <code class="language-py">c</code>'
    )
    assert 'href="https://tchap.gouv.fr"' in out and 'rel="noopener noreferrer"' in out
    assert "<em>x</em>" in out and 'class="language-py"' in out


def test_reply_fallback_removed():
    assert sanitize_html("<mx-reply><blockquote>old</blockquote></mx-reply>new") == "new"
    assert plain_preview("> <@a:b> old\n\nnew line") == "new line"
