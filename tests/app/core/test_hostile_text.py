"""Depth-limited sanitising, bidi controls, bounded layout input, lying links (pure functions)."""

from __future__ import annotations

from app.core.bounded import ZWSP, bounded_html, bounded_text, html_text
from app.core.formatting import MAX_DEPTH, limit_depth, sanitize_html, strip_reply_fallback
from app.core.links import deceptive_targets, is_deceptive, links_of


def test_nesting_is_limited_to_the_specs_depth_text_kept():
    out = sanitize_html("<blockquote>" * 5000 + "au fond")
    assert out.count("<blockquote>") == MAX_DEPTH == out.count("</blockquote>")
    assert "au fond" in out
    assert limit_depth('<p><a href="https://a.fr/?x=>">x</a><br></p>', 1) == "<p>x<br></p>"


def test_bidi_controls_are_removed_even_as_entities():
    assert sanitize_html("facture&#x202E;gnp.exe \u2066x\u2069") == "facturegnp.exe x"


def test_reply_fallback_lines_and_their_blank_line_go():
    assert strip_reply_fallback("> <@b:x> a\n> b\n\nréponse\n\n> citée") == "réponse\n\n> citée"
    assert strip_reply_fallback("> seule ligne") == ""


def test_bounded_html_is_a_well_formed_prefix():
    table = sanitize_html("<table>" + "<tr><td>1</td></tr>" * 2000 + "</table>")
    shown, cut = bounded_html(table)
    assert cut and shown.count("<tr>") < 100
    assert shown.endswith("</table>") and shown.count("<td>") == shown.count("</td>")
    small, cut = bounded_html("<p>court</p>")
    assert (small, cut) == ("<p>court</p>", False)
    word, cut = bounded_html("<p>" + "A" * 100 + '<a href="https://' + "x" * 80 + '.fr">l</a></p>')
    assert not cut and ZWSP in word and ZWSP not in word.split("href=")[1].split('"')[1]
    assert html_text("<p>a &amp; b</p>") == "a & b"


def test_bounded_text_cuts_long_texts_and_breaks_long_words():
    shown, cut = bounded_text("A" * 60_000)
    assert cut and len(shown) < 7_000 and ZWSP in shown
    assert bounded_text("court") == ("court", False)


def test_links_whose_text_names_another_address_or_a_user_are_deceptive():
    assert is_deceptive("https://elsewhere.example/x", "@admin:server")
    assert is_deceptive("https://evil.example", "https://impots.gouv.fr")
    assert is_deceptive("https://evil.example", "impots.gouv.fr")
    assert not is_deceptive("https://matrix.to/#/@admin:server", "@admin:server")
    assert not is_deceptive("https://www.impots.gouv.fr/x", "impots.gouv.fr")
    assert not is_deceptive("https://tchap.gouv.fr", "le site de Tchap")
    html = sanitize_html('<a href="https://e.example/?a=1&b=2">https://<b>x</b>.fr</a>')
    assert links_of(html) == [("https://e.example/?a=1&b=2", "https://x.fr")]
    assert deceptive_targets(html) == {"https://e.example/?a=1&b=2"}
