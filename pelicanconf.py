"""Site settings for a news-digest site. ``publishconf.py`` layers deploy settings on top."""

from pathlib import Path

AUTHOR = "news-digest"
SITENAME = "News Digest"
SITESUBTITLE = "Curated news, grouped by day, topic and the people, organisations and places in it"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%A, %-d %B %Y"

PATH = "content"
# Ingest fills content/ on the first build, but Pelican refuses to start without it.
(Path(__file__).resolve().parent / PATH).mkdir(exist_ok=True)
OUTPUT_PATH = "output"
ARTICLE_PATHS = [""]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".#*", ".news-digest"]
THEME = "theme"
# Autoescape everything: titles, captions and names come from scraped seeds. Templates
# mark the few trusted HTML values (rendered body, escaped summary) with |safe.
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                     "extensions": []}
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["news_digest"]

# Directory URLs everywhere, so a name like "topic-16" or "G7" never collides with a
# page file, and pagination as {base}/page/N/.
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
INDEX_SAVE_AS = "index.html"
INDEX_URL = ""
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
DEFAULT_PAGINATION = 20

# The plugin writes its own topic and entity pages; Pelican's tag, category and
# author pages would double them (and collide on names like "topic-16").
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
# The plugin writes the home page and its older pages itself (site/pagination.py: pages
# numbered from the oldest, so a new story does not shift every page).
DIRECT_TEMPLATES = []

# Feeds are made by the plugin with feedgen; Pelican's own are off so nothing is doubled.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None

# Pelican's content cache: unchanged posts are not re-parsed on rebuild.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = ".cache/pelican"
# Uncompressed: gzip took ~2 s of every 5,000-post rebuild to save a few megabytes.
GZIP_CACHE = False

SLUGIFY_SOURCE = "title"
# A digest is one language and ingest gives every post its own slug: no translations to
# pair up. Pelican's pairing compares every article with every other (a list membership
# test per article): ~0.7 s of every 5,000-post build and ~2.6 s at 10,000. A digest that
# publishes translated posts sets these back to "slug".
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False

# news-digest settings: every key and default is documented in
# plugins/news_digest/settings.py and the README's settings table.
NEWS_DIGEST_SEEDS = "seeds"
NEWS_DIGEST_AUTO_INGEST = True
