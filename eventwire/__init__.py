"""eventwire: news articles in, political event data (CAMEO/PLOVER), quotes and warnings out.

    import eventwire
    article = eventwire.extract(text, published="2022-01-31")
    eventwire.events_frame(article)
"""
from .api import events_frame, extract, extract_files
from .model import Article, Event, Quote

__all__ = ["extract", "extract_files", "events_frame", "Article", "Event", "Quote"]
__version__ = "0.1.0"
