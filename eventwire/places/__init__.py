"""places stage (being built)."""
from ..model import Article


def run(article: Article, settings=None) -> None:
    return None


def locate_events(article: Article, settings=None) -> None:
    return None
