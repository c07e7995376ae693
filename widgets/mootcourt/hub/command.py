"""`mootcourt link`: print the nbgitpuller link (and a QR code) that opens a lesson on a hub.

The instructor pastes the link into the course page or shows the QR code on the projector;
each student who follows it gets the course pulled into their own server and the lesson open.
Exit codes are the kit's: 0 with the link; 2 for a bad argument, with the valid values.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..i18n import LANGUAGES
from . import links

OK, BAD_ARGS = 0, 2


def add_parser(commands: Any) -> None:
    """The `link` command, added to the `mootcourt` parser."""
    link = commands.add_parser(
        "link",
        help="the nbgitpuller link (and QR code) that opens a lesson on a JupyterHub",
        description="Print the link that pulls the course into a student's own server on a "
        "JupyterHub and opens a lesson there (nbgitpuller). A student's edits and briefs are "
        "kept when the course is pulled again.",
    )
    link.add_argument("--hub", required=True, metavar="URL", help="the hub, e.g. https://hub.x")
    link.add_argument(
        "--lesson",
        metavar="ID",
        help="a lesson, e.g. 05-where-they-diverge (default: the lesson folder)",
    )
    link.add_argument("--lang", choices=LANGUAGES, default="en", help="the course's language")
    link.add_argument(
        "--repo",
        metavar="URL",
        help=f"the course's git repository (default: ${links.COURSE_REPO_ENV}, else this "
        "checkout's origin)",
    )
    link.add_argument("--branch", metavar="NAME", help="default: the repository's default")
    link.add_argument(
        "--course",
        metavar="DIR",
        type=Path,
        help="a checkout of the course, to check --lesson against (default: this checkout)",
    )
    link.add_argument("--qr", action="store_true", help="also print a QR code of the link")
    link.add_argument("--qr-png", metavar="FILE", help="also write the QR code as a PNG")
    link.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check the lesson against the notebooks that exist, then print the link."""
    try:
        if args.lesson:
            links.check_lesson(args.lesson, args.lang, args.course)
        repo = links.course_repo(args.repo)
        url = links.pull_link(args.hub, repo, args.lesson, args.lang, args.branch)
    except links.LinkError as exc:
        print(f"mootcourt: error: {exc}", file=sys.stderr)
        return BAD_ARGS
    print(url)
    if args.qr or args.qr_png:
        try:
            if args.qr:
                print(links.qr_terminal(url), end="")
            if args.qr_png:
                print(f"QR code: {links.qr_png(url, args.qr_png)}", file=sys.stderr)
        except ImportError:
            print(
                'mootcourt: error: a QR code needs segno: pip install "mootcourt[hub]"',
                file=sys.stderr,
            )
            return BAD_ARGS
    return OK
