"""Deploy settings: absolute URLs for feeds, OPML, sitemaps, robots.txt and canonical links.

``SITEURL`` comes from the environment (``make publish SITEURL=https://news.example.org``)
and is required: feed readers, search engines and OPML importers need absolute links,
and a deploy with a made-up address would publish wrong ones. Without it the build
stops here with one line saying what to set.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    sys.exit("publishconf.py: set SITEURL to the site's public address, e.g. "
             "`make publish SITEURL=https://news.example.org` "
             + (f"(got {SITEURL!r})" if SITEURL else "(it is not set)"))
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
