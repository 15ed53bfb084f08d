"""Hand-built processed articles for the store and web tests (no spaCy needed).

Each story has a removed credit line, two events (statuses vary), a quote, actors and a place,
with offsets that point into `Article.text` like the real pipeline's.
"""
from __future__ import annotations

from eventwire.model import ActorMention, ActorRef, Article, Event, Paragraph, Place, Quote, Removed

# (source code, target code, CAMEO code, goldstein, quad class, status, day)
_EVENTS = [
    ("RUSGOV", "UKRGOV", "036", 4.0, 1, "actual", "2022-01-30"),
    ("UKRGOV", "RUSGOV", "112", -2.0, 3, "actual", "2022-01-30"),
    ("RUSMIL", "UKR", "190", -10.0, 4, "actual", "2022-01-31"),
    ("USA", "UKRGOV", "071", 7.4, 2, "intended", "2022-01-31"),
    ("NATO", "RUS", "138", -7.0, 3, "threatened", "2022-02-01"),
    ("FRA", "DEU", "040", 1.0, 1, "hypothetical", "2022-02-01"),
]


def build_article(art_id: str, n: int = 0, published: str = "2022-01-31", title: str | None = None) -> Article:
    """A small wire story with one removed credit line, two events, a quote, actors and a place."""
    credit = "Photo: Agency staff\n\n"
    s1 = f"Officials in Kyiv said talks with Moscow would resume on Monday, story {art_id}."
    s2 = "\"We are ready to talk,\" the foreign minister said."
    text = credit + s1 + " " + s2 + "\n"
    start1 = len(credit)
    start2 = start1 + len(s1) + 1
    art = Article(id=art_id, text=text, title=title or f"Talks resume in story {art_id}",
                  url=f"https://example.org/{art_id}", source="Example Wire", published=published)
    art.paragraphs = [Paragraph(start1, s1 + " " + s2)]
    art.removed = [Removed("credit", "Photo: Agency staff", 0, len("Photo: Agency staff"), "photo credit line")]
    picks = [_EVENTS[n % len(_EVENTS)], _EVENTS[(n + 1) % len(_EVENTS)]]
    for (src, tgt, code, gs, qc, status, day), (s, e) in zip(picks, [(start1, start1 + len(s1)),
                                                                     (start2, start2 + len(s2))]):
        art.events.append(Event(
            source=ActorRef(src, src), target=ActorRef(tgt, tgt), code=code, status=status,
            sentence=text[s:e], span=(s, e), trigger=(text.index("said", s), text.index("said", s) + 4),
            evidence=f"pattern test:{code} on 'talk'",
            confidence=0.75, date=day, goldstein=gs, quad_class=qc, plover={"type": "CONSULT", "mode": ""},
            location={"name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52}))
    kyiv = text.index("Kyiv")
    art.actors = [ActorMention("Officials in Kyiv", "Ukraine", "UKRGOV", "UKR", "GOV", "institution",
                               start1, start1 + 17, "capital metonymy"),
                  ActorMention("Moscow", "Russia", "RUSGOV", "RUS", "GOV", "capital", text.index("Moscow"),
                               text.index("Moscow") + 6, "capital metonymy")]
    art.places = [Place("Kyiv", "Kyiv", "UKR", 50.45, 30.52, kyiv, kyiv + 4, kind="city")]
    art.quotes = [Quote("We are ready to talk,", {"name": "foreign minister", "code": "UKRGOV"}, True,
                        (start2 + 1, start2 + 22), "verb 'said' after the quote")]
    return art


def build_corpus(count: int = 6) -> list[Article]:
    """`count` articles with events spread over three days and all statuses."""
    return [build_article(f"story-{i}", n=i) for i in range(count)]


XSS_TITLE = "<script>window.__xss = 'title'</script>Border talks"
XSS_BODY = ("Envoys met at the border <script>window.__xss = 'text'</script> and agreed a truce, "
            "officials said. <img src=x onerror=\"window.__xss = 'img'\"> Rebels rejected it.")


def build_xss_article(art_id: str = "xss-1") -> Article:
    """An article whose title and text carry `<script>` and `onerror=`: they must stay inert text."""
    credit = "<b onmouseover=\"window.__xss = 'removed'\">Credit</b>\n\n"
    text = credit + XSS_BODY + "\n"
    start = len(credit)
    first_end = start + XSS_BODY.index("officials said.") + len("officials said.")
    art = Article(id=art_id, text=text, title=XSS_TITLE, url="javascript:alert(1)", source="<i>Wire</i>",
                  published="2022-02-02")
    art.paragraphs = [Paragraph(start, XSS_BODY)]
    art.removed = [Removed("credit", text[:len(credit) - 2], 0, len(credit) - 2, "credit line")]
    trig = text.index("agreed")
    art.events = [Event(source=ActorRef("Envoys <script>", "RUS"), target=ActorRef("<img src=x onerror=1>", "UKR"),
                        code="057", status="actual", sentence=text[start:first_end], span=(start, first_end),
                        trigger=(trig, trig + 6), evidence="pattern <script>alert(3)</script> 'agreed a truce'",
                        confidence=0.7, date="2022-02-02", goldstein=8.0, quad_class=1,
                        plover={"type": "AGREE", "mode": ""})]
    img = text.index("<img")
    art.quotes = [Quote(text[img:img + 20], {"name": "<script>x</script>", "code": None}, False, (img, img + 20),
                        "onerror= test")]
    return art
