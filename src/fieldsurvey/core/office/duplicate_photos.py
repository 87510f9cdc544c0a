"""Photos that look alike, for the duplicate finder: a difference hash of each camera's photos'
thumbnails, computed only for the candidate pairs that photos could still decide."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from PIL import Image

from fieldsurvey.core.photos.store import PhotoStore

# Two difference hashes (64 bits) this close are photos that look alike.
PHOTO_HASH_DISTANCE = 10


def difference_hash(path: Path) -> int | None:
    """A 64-bit difference hash of an image (brightness gradients of a 9×8 grey copy), or None
    when the file cannot be read."""
    try:
        with Image.open(path) as image:
            image.draft("L", (64, 64))
            grey = image.convert("L").resize((9, 8), Image.Resampling.BILINEAR)
            pixels = grey.tobytes()
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    bits = 0
    for row in range(8):
        for col in range(8):
            left, right = pixels[row * 9 + col], pixels[row * 9 + col + 1]
            bits = (bits << 1) | (left > right)
    return bits


class PhotoHashes:
    """Difference hashes of the thumbnails of each camera's photos, computed when first asked
    (for candidate pairs only) and kept for the run."""

    def __init__(self, db: sqlite_utils.Database, photo_root: Path | None) -> None:
        self._db = db
        self._root = photo_root
        self._by_camera: dict[str, list[int]] = {}
        self._by_sha: dict[str, int | None] = {}
        self._with_photos: set[str] = set()
        if photo_root is not None and photo_root.is_dir():
            self._with_photos = {
                row[0]
                for row in db.execute(
                    "SELECT DISTINCT record_id FROM photo_links WHERE record_table = 'cameras' "
                    "AND deleted = 0"
                )
            }

    def hashes(self, camera_id: str) -> list[int]:
        if camera_id not in self._with_photos or self._root is None:
            return []
        if camera_id not in self._by_camera:
            found = []
            for (sha,) in self._db.execute(
                "SELECT p.sha256 FROM photo_links AS l JOIN photos AS p ON p.id = l.photo_id "
                "WHERE l.record_table = 'cameras' AND l.record_id = ? AND l.deleted = 0 AND "
                "p.deleted = 0",
                [camera_id],
            ):
                if sha not in self._by_sha:
                    thumb = PhotoStore(self._root).thumbnail(sha)
                    self._by_sha[sha] = difference_hash(thumb) if thumb.exists() else None
                if self._by_sha[sha] is not None:
                    found.append(self._by_sha[sha])
            self._by_camera[camera_id] = [h for h in found if h is not None]
        return self._by_camera[camera_id]

    def closest(self, a: str, b: str) -> int | None:
        """The smallest Hamming distance between a photo of ``a`` and one of ``b``."""
        pairs = [(x ^ y).bit_count() for x in self.hashes(a) for y in self.hashes(b)]
        return min(pairs) if pairs else None
