"""time stage (being built)."""
from ..model import Article


def run(article: Article, settings=None) -> None:
    return None
