"""Video in a story: a facade for YouTube and Vimeo, a plain <video> with captions for own files,
and always the transcript under it.

No request leaves the site before the reader clicks: the facade holds the player's address in a
data attribute, not in a src, and a short line says that playing loads the film from that service.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from kompas_site.assemble.templates import render
from kompas_site.sanitise import url_path

SERVICES = {
    "youtube": (
        "YouTube",
        "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
        "https://www.youtube.com/watch?v={id}",
    ),
    "vimeo": ("Vimeo", "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1", "https://vimeo.com/{id}"),
}
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg", ".mov": "video/mp4"}


def video_block(video: dict, title: str, source_path: str, output_path: str) -> str:
    """``video``: the story's ``video:`` front matter. A poster is a Markdown image (relative to the
    source, so it goes through the photo pipeline); the <video> is HTML (relative to the output page)."""
    here = posixpath.dirname(output_path) or "."
    transcript = str(video.get("transcript") or "").strip()
    context = {
        "titel": str(video.get("titel") or title),
        "transcript": [p.strip() for p in transcript.split("\n\n") if p.strip()],
        "poster": posixpath.relpath(video["poster"], posixpath.dirname(source_path) or ".")
        if isinstance(video.get("poster"), str)
        else None,
    }
    for key, (name, embed, page) in SERVICES.items():
        if video.get(key):
            ident = quote(str(video[key]).strip(), safe="")
            return render(
                "video-facade.md", dienst=name, embed=embed.format(id=ident), pagina=page.format(id=ident), **context
            )
    if isinstance(video.get("bestand"), str):
        source = video["bestand"]
        captions = video.get("ondertiteling")
        return render(
            "video-bestand.md",
            src=url_path(posixpath.relpath(source, here)),
            type=VIDEO_TYPES.get(posixpath.splitext(source)[1].lower(), "video/mp4"),
            track=url_path(posixpath.relpath(captions, here)) if isinstance(captions, str) else None,
            **context,
        )
    return ""
